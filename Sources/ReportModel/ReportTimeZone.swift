import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The time zone a report shows its times in: an IANA name resolved with the system's tzdata.
///
/// Offsets come from Foundation's `TimeZone` for each instant, so a zone with daylight saving time shows
/// winter and summer times with their own offsets; the calendar fields are then computed arithmetically,
/// independent of the machine's own zone and locale.
public struct ReportTimeZone: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The IANA name as configured, e.g. `Asia/Shanghai`; `UTC` by default.
    public let identifier: String
    private let zone: TimeZone

    /// UTC, the default.
    public static let utc = ReportTimeZone(validated: "UTC", zone: TimeZone(secondsFromGMT: 0)!)

    /// The zone named `identifier`; nil when the system's tzdata does not know it.
    public init?(identifier: String) {
        let name = identifier.trimmingCharacters(in: .whitespaces)
        if name == "UTC" || name == "Etc/UTC" {
            self = .utc
            return
        }
        // Only region names (Asia/Shanghai) and the Etc/ zones: bare abbreviations such as CST mean different
        // zones to different readers.
        guard name.contains("/") || name == "GMT", let zone = TimeZone(identifier: name) else { return nil }
        self.init(validated: name, zone: zone)
    }

    private init(validated identifier: String, zone: TimeZone) {
        self.identifier = identifier
        self.zone = zone
    }

    /// The IANA name.
    public var description: String { identifier }

    /// The message for a time zone name the system does not know, naming it.
    public static func problem(_ name: String) -> String {
        "timezone '\(name)' is not a time zone name the system knows (use an IANA name such as UTC, "
            + "Asia/Shanghai or Europe/Berlin)"
    }

    /// True for UTC itself (not for a zone that merely has offset 0 at some instant).
    public var isUTC: Bool { identifier == "UTC" }

    /// Seconds east of UTC at `date`.
    public func offset(at date: Date) -> Int { isUTC ? 0 : zone.secondsFromGMT(for: date) }

    /// `UTC+08:00`, `UTC-05:00`; `UTC` for UTC itself.
    public func offsetLabel(at date: Date) -> String {
        isUTC ? "UTC" : "UTC" + Self.signedOffset(offset(at: date), separator: ":")
    }

    /// The name of the zone in a column header: `北京时间` for Asia/Shanghai in a Chinese report, else the IANA
    /// name.
    public func name(in language: ReportLanguage) -> String {
        if language == .zhCN && Self.beijingZones.contains(identifier) { return "北京时间" }
        return identifier
    }

    /// Calendar fields of `date` in this zone, seconds truncated.
    public func parts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        ReportTime.parts(local(date))
    }

    /// `date` moved by the zone's offset: its UTC calendar fields are the local ones (for spreadsheet serials).
    public func local(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down) + TimeInterval(offset(at: date)))
    }

    /// `+08:00`, `-05:30`; `separator` goes between hours and minutes.
    static func signedOffset(_ seconds: Int, separator: String) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + String(format: "%02d", minutes / 60) + separator + String(format: "%02d", minutes % 60)
    }

    /// Zones whose local time China calls 北京时间.
    private static let beijingZones: Set<String> = ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"]

    /// Decodes the IANA name, failing for a name the system does not know.
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let zone = ReportTimeZone(identifier: name) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown time zone \(name)"))
        }
        self = zone
    }

    /// Encodes the IANA name.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }

    /// Two zones are the same when their names are.
    public static func == (lhs: ReportTimeZone, rhs: ReportTimeZone) -> Bool { lhs.identifier == rhs.identifier }

    /// Hashes the name, as ``==`` compares it.
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}
