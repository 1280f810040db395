import ArgumentParser
import Foundation

/// The `smsreport` command: SMS consistency results → HTML, XLSX and CSV reports.
@main
struct SMSReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsreport",
        abstract: "Turn Huawei Cloud SMS consistency verification results into HTML, XLSX and CSV reports.",
        version: ToolVersion.current,
        subcommands: [RunCommand.self, RenderCommand.self, DemoCommand.self, MockServerCommand.self]
    )

    /// Runs the chosen command; usage errors exit 2 (SPEC 4), not ArgumentParser's 64.
    static func main() async {
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
                Console.writeError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
