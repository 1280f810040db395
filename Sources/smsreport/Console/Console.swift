import Foundation
import SMSAPI

/// The process's standard streams: stdout for the summary, stderr for logs and progress.
enum Console {
    /// True when stderr is a terminal (then progress is a bar; otherwise, periodic log lines for cron).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes to stderr unbuffered, cleaned of every registered secret (all log lines and errors pass here).
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(SecretRegistry.shared.redact(text).utf8))
    }

    /// Writes a line to stdout and flushes it, cleaned of every registered secret.
    static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((SecretRegistry.shared.redact(text) + "\n").utf8))
    }
}
