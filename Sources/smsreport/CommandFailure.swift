import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import SMSAPI

/// Maps the errors a command can end with to SPEC 4's exit codes, printing one clear message on stderr.
enum CommandFailure {
    /// Prints `error`, records it for `--json` and returns the `ExitCode` to throw: 2 for usage, configuration,
    /// manifest, template and output-folder conflicts (no API call was made), 1 for fatal run failures,
    /// 128 + the signal for a stopped run.
    static func exitCode(for error: any Error) -> ExitCode {
        if let error = error as? ExitCode { return error }
        let (code, message) = classify(error)
        // Every line is escaped (LogLineEscaping): the message may quote the server, a manifest or a file name.
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map {
            LogLineEscaping.escape(String($0))
        }
        let prefix = code == 130 || code == 143 ? "smsreport: " : "smsreport: error: "
        Console.writeError(prefix + lines.joined(separator: "\n") + "\n")
        RunRecord.shared.printFailure(exitCode: code, error: message)
        return ExitCode(code)
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

/// A command whose failures end with SPEC 4's exit codes: `execute()` does the work, `run()` maps its errors.
protocol ReportingCommand: AsyncParsableCommand {
    /// The command's work; any error it throws becomes a message on stderr and an exit code.
    func execute() async throws
}

extension ReportingCommand {
    func run() async throws {
        do {
            try await execute()
        } catch {
            throw CommandFailure.exitCode(for: error)
        }
    }
}
