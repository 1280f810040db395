import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Date formats reports use; always UTC, whole seconds, independent of the machine's locale and zone.
public enum ReportTime {
    /// `2020-08-26T09:56:41Z` (CSV, results).
    public static func iso8601(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", p.year, p.month, p.day, p.hour, p.minute, p.second)
    }

    /// `2020-08-26 09:56:41 UTC` with the zone word from the table (HTML, XLSX overview).
    public static func display(_ date: Date, strings: StringTable) -> String {
        let p = parts(date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d ", p.year, p.month, p.day, p.hour, p.minute, p.second)
            + strings[.timeZoneUTC]
    }

    /// Calendar fields of `date` in UTC, seconds truncated.
    public static func parts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&seconds, &tm)
        return (Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday), Int(tm.tm_hour), Int(tm.tm_min), Int(tm.tm_sec))
    }

    /// The report's generation time: `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
    public static func generationTime(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let raw = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(raw.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
