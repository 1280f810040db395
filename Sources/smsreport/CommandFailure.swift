import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import RunEngine
import SMSAPI

/// Maps the errors a command can end with to SPEC 4's exit codes, printing one clear message on stderr and, with
/// `--json`, the failed run's `summary.json` line built from what the command knew.
enum CommandFailure {
    /// Prints `error` (and with `json` the `known` summary as a failed run's) and returns the `ExitCode` to throw:
    /// 2 for usage, configuration, manifest, template and output-folder conflicts (no API call was made), 1 for
    /// fatal run failures, 128 + the signal for a stopped run.
    static func exitCode(for error: any Error, known: RunSummary, json: Bool) -> ExitCode {
        if let error = error as? ExitCode { return error }
        let failed = failedSummary(error, known: known)
        let (code, message) = (Int32(failed.exitCode), failed.error ?? "")
        // Every line is escaped (LogLineEscaping): the message may quote the server, a manifest or a file name.
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map {
            LogLineEscaping.escape(String($0))
        }
        let prefix = code == 130 || code == 143 ? "smsreport: " : "smsreport: error: "
        Console.writeError(prefix + lines.joined(separator: "\n") + "\n")
        if json { Console.printLine(failed.line()) }
        return ExitCode(code)
    }

    /// Prints a failed run's summary line: what was known, with the exit code and the message.
    static func printFailure(_ known: RunSummary, exitCode: Int32, error message: String?) {
        Console.printLine(failed(known, exitCode: exitCode, error: message).line())
    }

    /// The summary of a run that `error` stopped: what was known, with its exit code and message (for the
    /// notifications, the metrics file and the ping of a failed run).
    static func failedSummary(_ error: any Error, known: RunSummary) -> RunSummary {
        var summary = known
        var underlying = error
        if let failure = error as? KnownManifest {
            summary.manifest = failure.manifest
            underlying = failure.underlying
        }
        let (code, message) = classify(underlying)
        return failed(summary, exitCode: code, error: message)
    }

    private static func failed(_ known: RunSummary, exitCode: Int32, error message: String?) -> RunSummary {
        var summary = known
        summary.exitCode = Int(exitCode)
        summary.error = message
        summary.finishedAt = ReportTime.generationTime()
        return summary
    }

    private static func classify(_ error: any Error) -> (Int32, String) {
        switch error {
        case let error as ManifestError:
            return (2, "manifest problems:\n" + error.problems.map { "  " + $0 }.joined(separator: "\n"))
        case is ConfigurationError, is TemplateError, is StringTable.LoadError, is ResultsSnapshot.ReadError,
            is OutputConflictError, is ValidationError:
            return (2, "\(error)")
        case let error as OutputError:
            return (1, "output not writable: \(error)")
        case let error as FolderBusyError:
            // Another run holds the folder's lock: stopped before any request.
            return (1, "\(error)")
        case let error as Interrupted:
            return (error.exitCode, error.description)
        default:
            // PipelineError, SMSAPIError and the rest: the run cannot go on (exit 1).
            return (1, "\(error)")
        }
    }
}

/// A command whose failures end with SPEC 4's exit codes: `execute(_:)` does the work and fills in what it learns,
/// `run()` maps its errors.
protocol ReportingCommand: AsyncParsableCommand {
    /// True when the command prints `summary.json` lines (`--json`).
    var json: Bool { get }

    /// The command's work; `known` gathers what a failed run's `--json` line reports. Any error it throws becomes
    /// a message on stderr and an exit code.
    func execute(_ known: inout RunSummary) async throws
}

extension ReportingCommand {
    func run() async throws {
        var known = RunSummary(toolVersion: ToolVersion.current, startedAt: ReportTime.generationTime())
        do {
            try await execute(&known)
        } catch {
            throw CommandFailure.exitCode(for: error, known: known, json: json)
        }
    }
}

extension RunOutcome {
    /// Prints the outcome as the last stdout line (the summary line, or with `--json` the summary.json object)
    /// and throws its exit code when it is not 0.
    func finish(json: Bool) throws {
        Console.printLine(json ? summary.line() : line)
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
