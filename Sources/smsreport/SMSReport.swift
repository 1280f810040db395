import ArgumentParser

/// The `smsreport` command: SMS consistency results → HTML, XLSX and CSV reports.
@main
struct SMSReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsreport",
        abstract: "Turn Huawei Cloud SMS consistency verification results into HTML, XLSX and CSV reports.",
        version: ToolVersion.current,
        subcommands: [RunCommand.self, RenderCommand.self, DemoCommand.self, MockServerCommand.self]
    )
}
