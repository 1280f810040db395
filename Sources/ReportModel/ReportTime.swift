import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Date formats reports use: whole seconds, independent of the machine's locale and zone; UTC unless a
/// ``ReportTimeZone`` is given.
public enum ReportTime {
    /// `2020-08-26T09:56:41Z` (CSV, results).
    public static func iso8601(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", p.year, p.month, p.day, p.hour, p.minute, p.second)
    }

    /// `2020-08-26T17:56:41+08:00` in `zone`, `Z` when the offset is zero (CSV).
    public static func iso8601(_ date: Date, in zone: ReportTimeZone) -> String {
        let offset = zone.offset(at: date)
        guard offset != 0 else { return iso8601(date) }
        let p = zone.parts(date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day, p.hour, p.minute, p.second)
            + ReportTimeZone.signedOffset(offset, separator: ":")
    }

    /// `2020-08-26 17:56:41` in `zone`, without a zone label (table cells whose header names the zone).
    public static func plain(_ date: Date, in zone: ReportTimeZone) -> String {
        let p = zone.parts(date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", p.year, p.month, p.day, p.hour, p.minute, p.second)
    }

    /// `2020-08-26 17:56:41 (UTC+08:00)`, `(北京时间 UTC+08:00)` for Beijing time in Chinese, `(UTC)` for UTC.
    public static func display(_ date: Date, in zone: ReportTimeZone, language: ReportLanguage) -> String {
        let label = zone.offsetLabel(at: date)
        let name = zone.name(in: language)
        let suffix = name != zone.identifier ? "\(name) \(label)" : label
        return plain(date, in: zone) + " (" + suffix + ")"
    }

    /// Calendar fields of `date` in UTC, seconds truncated.
    public static func parts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&seconds, &tm)
        return (
            Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1, Int(tm.tm_mday), Int(tm.tm_hour), Int(tm.tm_min), Int(tm.tm_sec)
        )
    }

    /// True when `SOURCE_DATE_EPOCH` is set: every time stamp a run writes is then the generation time.
    public static var isReproducible: Bool { ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] != nil }

    /// The report's generation time: `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
    public static func generationTime(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let raw = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(raw.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
