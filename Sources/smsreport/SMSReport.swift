import ArgumentParser
import Foundation

/// The `smsreport` command: SMS consistency results → HTML, XLSX and CSV reports.
@main
struct SMSReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsreport",
        abstract: "Turn Huawei Cloud SMS consistency verification results into HTML, XLSX and CSV reports.",
        version: ToolVersion.current,
        subcommands: [
            RunCommand.self, RenderCommand.self, DemoCommand.self, MockServerCommand.self, HistoryCommand.self,
            NotifyCommand.self,
        ]
    )

    /// Runs the chosen command; usage errors exit 2 (SPEC 4), not ArgumentParser's 64, and with `--json` every
    /// outcome, usage errors included, ends with one `summary.json` line on stdout.
    static func main() async {
        // A closed stdout or stderr (`| head`) must make writes fail, not kill the run before its reports.
        Console.ignoreBrokenPipes()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                Console.writeError(message + "\n")
                RunRecord.shared.printFailure(exitCode: 2, error: Self.firstLine(message))
                Foundation.exit(2)
            }
            if code != .success {
                RunRecord.shared.printFailure(exitCode: code.rawValue, error: Self.firstLine(fullMessage(for: error)))
            }
            exit(withError: error)
        }
    }

    /// ArgumentParser's message without its `Error: ` prefix and usage block: the line that says what was wrong.
    private static func firstLine(_ message: String) -> String? {
        var line = message.split(separator: "\n").first.map(String.init) ?? ""
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
        return line.isEmpty ? nil : line
    }
}
