import ArgumentParser

/// `smsreport render`.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render")

    func run() async throws {
        throw ValidationError("not built yet")
    }
}
