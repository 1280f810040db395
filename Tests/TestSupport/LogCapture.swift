import Foundation
import Logging

/// Collects log lines in memory (message and metadata, rendered), instead of bootstrapping a logging backend.
public final class LogCapture: @unchecked Sendable {
    // A lock because log handlers are called from many tasks.
    private let lock = NSLock()
    private var lines: [String] = []

    public init() {}

    /// Every line logged so far: level, message and metadata.
    public var text: [String] { lock.withLock { lines } }

    /// A logger writing here at `level`.
    public func logger(label: String = "test", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ line: String) { lock.withLock { lines.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(rendered)")
        }
    }
}
