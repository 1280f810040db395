import Foundation
import Logging
import ReportModel

/// Writes log lines to stderr: `2026-11-23T05:47:24Z warning message key=value` or one JSON object per line.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, format: LogFormat, level: Logger.Level) {
        self.label = label
        self.format = format
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line: String
        switch format {
        case .text:
            // Messages and metadata carry untrusted text; JSON escapes it by itself, text lines need it done.
            let fields = merged.sorted { $0.key < $1.key }
                .map { "\(LogLineEscaping.escape($0.key))=\(LogLineEscaping.escape("\($0.value)"))" }
                .joined(separator: " ")
            let message = LogLineEscaping.escape("\(event.message)")
            line = "\(Self.timestamp()) \(event.level) \(message)\(fields.isEmpty ? "" : " " + fields)\n"
        case .json:
            var object: [String: String] = [
                "time": Self.timestamp(), "level": "\(event.level)", "message": "\(event.message)",
            ]
            for (key, value) in merged where object[key] == nil { object[key] = "\(value)" }
            let data =
                (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data()
            line = LogLineEscaping.escapeJSON(String(decoding: data, as: UTF8.self)) + "\n"
        }
        Console.writeError(line)
    }

    private static func timestamp() -> String {
        let now = Date()
        let p = ReportTime.parts(now)
        let millis = Int(now.timeIntervalSince1970 * 1000) % 1000
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", p.year, p.month, p.day, p.hour, p.minute, p.second, millis)
    }
}
