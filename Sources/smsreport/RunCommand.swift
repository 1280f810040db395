import ArgumentParser

/// `smsreport run`.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run")

    func run() async throws {
        throw ValidationError("not built yet")
    }
}
