import Foundation

/// The `--out` / `out:` placeholders of SPEC 8.5: a systemd unit has no shell for `$(date +%F)`, so the path
/// itself says `{date}` (`2026-12-07`) and `{time}` (`021500`), expanded in the machine's local time.
public enum OutputPath {
    /// `path` with every `{date}` and `{time}` replaced by `date` as seen in `timeZone` (default: the local zone,
    /// which honours `TZ`); other text, other braces included, is kept as written.
    public static func expand(_ path: String, at date: Date, timeZone: TimeZone = .current) -> String {
        guard path.contains("{date}") || path.contains("{time}") else { return path }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = String(format: "%02d%02d%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return path.replacingOccurrences(of: "{date}", with: day).replacingOccurrences(of: "{time}", with: time)
    }
}
