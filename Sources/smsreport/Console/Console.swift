import Foundation
import Glibc
import ReportModel
import SMSAPI

/// The process's standard streams: stdout for the summary, stderr for logs and progress.
///
/// Writes go straight to the descriptors and ignore failures: with SIGPIPE ignored, a closed pipe
/// (`… 2>&1 | head -1`) makes a write fail with EPIPE, and a lost log line must never stop a run.
enum Console {
    /// True when stderr is a terminal (then progress is a bar; otherwise, periodic log lines for cron).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes to stderr unbuffered, cleaned of every registered secret (all log lines and errors pass here);
    /// a failed write is dropped.
    static func writeError(_ text: String) {
        write(SecretRegistry.shared.redact(text), to: STDERR_FILENO)
    }

    /// Writes a line to stdout unbuffered, cleaned of every registered secret; a failed write is dropped.
    static func printLine(_ text: String) {
        write(SecretRegistry.shared.redact(text) + "\n", to: STDOUT_FILENO)
    }

    /// Ignores SIGPIPE for the whole process, so a closed stdout or stderr turns into failed writes.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in try? DescriptorIO.writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) }
    }
}
