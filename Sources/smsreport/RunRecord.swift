import Foundation
import ReportModel

/// What the current command has learned so far, so that `--json` prints a `summary.json` object for every
/// outcome: a run that stops early (usage, manifest, credentials, endpoint, a signal) still leaves one line.
///
/// The commands fill it as they go; ``SMSReport/main()`` prints it once at the end unless a finished run already
/// printed its own summary.
final class RunRecord: @unchecked Sendable {
    /// The one record of this process.
    static let shared = RunRecord()

    // Filled from the command's task and read at exit; the lock keeps the two apart.
    private let lock = NSLock()
    private var summary = RunSummary(toolVersion: ToolVersion.current, startedAt: RunRecord.now())
    private var printed = false

    /// True when `--json` is among the arguments: decided from the raw arguments, because a usage error
    /// stops parsing before any option is known.
    static let wantsJSON = CommandLine.arguments.dropFirst().contains("--json")

    /// Changes what is known.
    func update(_ change: (inout RunSummary) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&summary)
    }

    /// Prints a finished run's summary as the last stdout line, once.
    func printFinished(_ finished: RunSummary) {
        lock.lock()
        summary = finished
        printed = true
        lock.unlock()
        Console.printLine(finished.line())
    }

    /// With `--json`, prints what is known as a failed run's summary, unless a finished summary was printed.
    func printFailure(exitCode: Int32, error message: String?) {
        guard Self.wantsJSON else { return }
        lock.lock()
        guard !printed else {
            lock.unlock()
            return
        }
        printed = true
        summary.exitCode = Int(exitCode)
        summary.error = message
        summary.finishedAt = Self.now()
        let line = summary.line()
        lock.unlock()
        Console.printLine(line)
    }

    /// The time stamps a summary carries: `SOURCE_DATE_EPOCH` when set, so that reruns write the same bytes.
    static func now() -> Date {
        ReportTime.generationTime()
    }
}
