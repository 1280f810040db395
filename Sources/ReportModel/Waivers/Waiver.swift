import Foundation

/// An accepted difference (SPEC 6): directories matching `directory` on servers matching `server` keep their
/// counts but no longer make their server inconsistent, through the day `expires`.
public struct Waiver: Sendable, Hashable {
    public var id: String
    /// A glob on `dir_check`.
    public var directory: Glob
    /// A glob on the source name or the source ID; nil means every server.
    public var server: Glob?
    public var reason: String
    public var approvedBy: String?
    /// The last day the waiver applies, in each report's time zone.
    public var expires: CalendarDay

    /// A waiver; `server` nil covers every server.
    public init(
        id: String, directory: Glob, server: Glob? = nil, reason: String = "", approvedBy: String? = nil,
        expires: CalendarDay
    ) {
        self.id = id
        self.directory = directory
        self.server = server
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
    }

    /// True when the waiver covers directory `path` of the server named `sourceName` with id `sourceID`.
    public func covers(path: String, sourceName: String, sourceID: String) -> Bool {
        guard directory.matches(path) else { return false }
        guard let server else { return true }
        return server.matches(sourceName) || server.matches(sourceID)
    }

    /// True when `now`, seen in `zone`, is on or before the expiry day.
    public func isInForce(at now: Date, in zone: ReportTimeZone) -> Bool {
        CalendarDay(now, in: zone) <= expires
    }
}

/// A day of the calendar, without a time zone: `2027-03-31`.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The day `year-month-day`; nil when there is no such day (2027-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly; nil for anything else or a day that does not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day of `date` in `zone`.
    public init(_ date: Date, in zone: ReportTimeZone) {
        let parts = zone.parts(date)
        year = parts.year
        month = parts.month
        day = parts.day
    }

    /// `2027-03-31`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Earlier days first.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
