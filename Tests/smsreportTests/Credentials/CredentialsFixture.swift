import Foundation
import Logging
import SMSAPI
import SMSMock
import TestSupport

/// A mock that plays SMS, IAM and the metadata service on one loopback port, profile files, and the binary run
/// against them (SPEC 8.1).
enum CredentialsFixture {
    static let accessKey = "PROFILEAK0000000001"
    static let secretKey = "pr0file/SK+never=printed-7c1e"
    static let projectID = "0970dd7a1300f5672ff2c003c60ae115"
    static let region = "cn-north-4"
    static let variable = CredentialProfile.Variable.file
    static let metadataVariable = MetadataCredentialProvider.endpointVariable

    /// What one run did: the binary's result, the mock's counters and the keys the metadata routes handed out.
    struct Outcome {
        var result: CommandRunner.Result
        var counters: MockCounters.Snapshot
        var issued: [MockIssuedKeys.Key]
        var sessionTokens: [String]
        var folder: URL

        /// Requests to SMS's own routes.
        var smsRequests: Int {
            ["export", "consistency-result", "list-tasks"].reduce(0) { $0 + counters.requestsPerRoute[$1, default: 0] }
        }

        func route(_ name: String) -> Int { counters.requestsPerRoute[name, default: 0] }

        /// The secrets of the temporary keys and session tokens, for leak checks.
        var temporarySecrets: [String] { issued.flatMap { [$0.secretKey, $0.securityToken] } + sessionTokens }

        /// Everything the run printed and wrote.
        func outputs() -> [(String, String)] {
            var texts = [("stdout", result.stdout), ("stderr", result.stderr)]
            for name in ["results.json", "summary.json"] {
                if let text = try? String(contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8) {
                    texts.append((name, text))
                }
            }
            return texts
        }
    }

    /// Options accepting the profile's AK/SK, with IAM knowing `region`'s project and SMS requiring it.
    static func options(metadata: MockMetadata? = nil, projects: [String: String] = [region: projectID]) -> MockOptions
    {
        var options = MockOptions(accessKey: accessKey, secretKey: secretKey, metadata: metadata)
        options.projects = projects
        options.requiredProjectID = projectID
        return options
    }

    /// `[basic]` with the fixture's keys, plus `extra` lines.
    static func profile(ak: String = accessKey, sk: String? = secretKey, extra: String = "") -> String {
        "# written by the test\n[other]\nak = IGNORED\n\n[basic]\n; the SDK's section\nak = \(ak)\n"
            + (sk.map { "SK=  \($0)  \n" } ?? "") + extra
    }

    /// Writes `text` to `url` (creating folders) with `mode`.
    static func write(_ text: String, to url: URL, mode: Int = 0o600) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    /// Runs `smsreport run` over a `tasks`-task world against the mock; `arguments` and `environment` are added.
    /// `prepare` writes files into the run's folder first and answers more environment; `iam` replaces the mock as
    /// IAM endpoint. A variable set to `{mock}` is set to the mock's URL.
    static func run(
        options: MockOptions, tasks: Int = 3, arguments: [String], environment: [String: String] = [:],
        iam: String? = nil, region: String? = region, prepare: (URL) throws -> [String: String] = { _ in [:] }
    ) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-creds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let environment = environment.merging(try prepare(folder)) { $1 }
        let world = MockWorld.synthetic(taskCount: tasks, seed: 5)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let logger = Logger(label: "mock") { _ in SwiftLogNoOpLogHandler() }
        return try await MockServer.withRunning(world: world, options: options, logger: logger) { mock in
            var environment = environment
            // HOME is the run's folder unless the test sets it: the real ~/.huaweicloud is never read.
            environment["HOME"] = environment["HOME"] ?? folder.path
            // The mock answers from this test process, which the whole suite keeps busy on 2 cores: the binary
            // waits longer than SPEC 8.1's 3 s for it (the metadata tests' timing is in the unit tests).
            environment[MetadataCredentialProvider.timeoutVariable] =
                environment[MetadataCredentialProvider.timeoutVariable] ?? "30"
            for (name, value) in environment where value == "{mock}" { environment[name] = mock.endpoint.url }
            let result = try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", mock.endpoint.url,
                    "--iam-endpoint", iam ?? mock.endpoint.url, "--out", folder.appendingPathComponent("out").path,
                    "--no-export", "--format", "csv", "--retries", "1",
                ] + (region.map { ["--region", $0] } ?? []) + arguments, environment: environment, directory: folder)
            return Outcome(
                result: result, counters: mock.counters.snapshot(), issued: mock.issued.issued,
                sessionTokens: mock.issued.issuedSessionTokens, folder: folder)
        }
    }
}
