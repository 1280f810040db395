import ArgumentParser
import Foundation
import ReportModel
import RunEngine

/// The `smsreport` command: SMS consistency results → HTML, XLSX and CSV reports.
@main
struct SMSReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsreport",
        abstract: "Turn Huawei Cloud SMS consistency verification results into HTML, XLSX and CSV reports.",
        version: ToolVersion.current,
        subcommands: [
            RunCommand.self, RenderCommand.self, DemoCommand.self, MockServerCommand.self, HistoryCommand.self,
            VerifyCommand.self,
            NotifyCommand.self,
        ]
    )

    /// True when `--json` is among the arguments: decided from the raw arguments, because a usage error stops
    /// parsing before any option is known.
    static let wantsJSON = CommandLine.arguments.dropFirst().contains("--json")

    /// Runs the chosen command; usage errors exit 2 (SPEC 4), not ArgumentParser's 64, and with `--json` every
    /// outcome, usage errors included, ends with one `summary.json` line on stdout.
    static func main() async {
        // A closed stdout or stderr (`| head`) must make writes fail, not kill the run before its reports.
        Console.ignoreBrokenPipes()
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            fail(error, printedLine: false)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // A reporting command has printed its own line, for every outcome.
            fail(error, printedLine: command is any ReportingCommand)
        }
    }

    /// Ends the process for `error`: a usage error is exit 2 with its message; with `--json` a line that no
    /// command printed is printed here.
    private static func fail(_ error: any Error, printedLine: Bool) -> Never {
        let code = exitCode(for: error)
        let known = RunSummary(toolVersion: ToolVersion.current, startedAt: ReportTime.generationTime())
        if code == .validationFailure {
            let message = fullMessage(for: error)
            Console.writeError(message + "\n")
            if wantsJSON { CommandFailure.printFailure(known, exitCode: 2, error: firstLine(message)) }
            Foundation.exit(2)
        }
        if code != .success && wantsJSON && !printedLine {
            CommandFailure.printFailure(known, exitCode: code.rawValue, error: firstLine(fullMessage(for: error)))
        }
        exit(withError: error)
    }

    /// ArgumentParser's message without its `Error: ` prefix and usage block: the line that says what was wrong.
    private static func firstLine(_ message: String) -> String? {
        var line = message.split(separator: "\n").first.map(String.init) ?? ""
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
        return line.isEmpty ? nil : line
    }
}
