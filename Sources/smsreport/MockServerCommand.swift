import ArgumentParser

/// `smsreport mock-server`.
struct MockServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mock-server")

    func run() async throws {
        throw ValidationError("not built yet")
    }
}
