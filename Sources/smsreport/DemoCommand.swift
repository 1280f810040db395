import ArgumentParser

/// `smsreport demo`.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo")

    func run() async throws {
        throw ValidationError("not built yet")
    }
}
