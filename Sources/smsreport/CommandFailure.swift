import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import SMSAPI

/// Maps the errors a command can end with to SPEC 4's exit codes, printing one clear message on stderr.
enum CommandFailure {
    /// Prints `error` and returns the `ExitCode` to throw: 2 for usage, configuration, manifest and template
    /// problems (no API call was made), 1 for fatal run failures.
    static func exitCode(for error: any Error) -> ExitCode {
        switch error {
        case let error as ManifestError:
            report("manifest problems:", details: error.problems)
            return ExitCode(2)
        case is ConfigurationError, is TemplateError, is StringTable.LoadError, is ResultsSnapshot.ReadError:
            report("\(error)")
            return ExitCode(2)
        case let error as PipelineError:
            report("\(error)")
            return ExitCode(1)
        case let error as OutputError:
            report("output not writable: \(error)")
            return ExitCode(1)
        case let error as SMSAPIError:
            report("\(error)")
            return ExitCode(1)
        case let error as ExitCode:
            return error
        default:
            report("\(error)")
            return ExitCode(1)
        }
    }

    /// One `smsreport: error:` line, then one indented line per detail; every part is escaped (LogLineEscaping),
    /// as the message may quote the server, a manifest or a file name.
    private static func report(_ message: String, details: [String] = []) {
        let lines =
            ["smsreport: error: " + LogLineEscaping.escape(message)] + details.map { "  " + LogLineEscaping.escape($0) }
        Console.writeError(lines.joined(separator: "\n") + "\n")
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
