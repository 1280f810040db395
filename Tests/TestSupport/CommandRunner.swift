import Foundation

/// Runs the built `smsreport` binary as a user would, and captures what it printed and its exit code.
public enum CommandRunner {
    /// What one run of the binary did.
    public struct Result: Sendable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
        public var seconds: Double
    }

    /// The `smsreport` executable next to the test bundle in the build products folder.
    public static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        // On some platforms the test runner lives inside a bundle; climb to the products folder.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("smsreport").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("smsreport")
    }

    /// A state folder in the temporary directory for runners that build their own environment, so that no
    /// test records history into the real `~/.local/state`.
    public static let testStateHome = FileManager.default.temporaryDirectory
        .appendingPathComponent("smsreport-test-state-\(UUID().uuidString)")

    /// Runs `smsreport arguments…` with `environment` added to a minimal one (no inherited credentials),
    /// optional stdin, in `directory`; output goes through files so a chatty child never blocks on a pipe.
    /// `executable` replaces the built binary (a copy of it elsewhere).
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil, directory: URL? = nil,
        executable: URL? = nil
    ) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        // A run's history goes to its scratch folder unless the test says where: never into the real home.
        var base = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8",
            "XDG_STATE_HOME": scratch.appendingPathComponent("state").path,
        ]
        base.merge(environment) { $1 }
        process.environment = base
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        if let stdin {
            let inURL = scratch.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let start = Date()
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Result(
            exitCode: status, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8), seconds: Date().timeIntervalSince(start))
    }
}
