import Foundation
import TestSupport
import Testing

/// The new kinds of secret (a profile's SK and security token; the ECS agency's temporary SK, security token and
/// metadata session token) never reach stdout, stderr or results.json in any of SPEC 1's forms, even when a server
/// echoes every spelling of them back (SPEC 8.1).
@Suite struct CredentialSecretLeakTests {
    enum Source: String, CaseIterable, Sendable {
        case profile, ecs
    }

    static let cases: [(Int, Source)] = SecretShapes.corpus.indices.flatMap { [($0, .profile), ($0, .ecs)] }

    /// The secrets of one case: awkward shapes from the corpus, one per kind.
    static func secrets(_ shape: Int, count: Int) -> [String] {
        (0..<count).map { offset in
            let secret = SecretShapes.corpus[(shape + offset) % SecretShapes.corpus.count]
            return offset.isMultiple(of: 2) ? secret : String(secret.reversed())
        }
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// A metadata service handing out `secrets` (session token, SK, security token), and an SMS API that echoes
    /// every spelling of them: an error body, an unreadable 200 and a 500.
    static func server(_ secrets: [String]) throws -> ScriptedHTTPServer {
        let echoed = secrets.flatMap { SecretShapes.spellings(of: $0).map(\.text) }.joined(separator: " | ")
        let key =
            #"{"credential":{"access":"TEMPAK0001","secret":\#(json(secrets[1])),"#
            + #""securitytoken":\#(json(secrets[2])),"expires_at":"2099-01-01T00:00:00.000000Z"}}"#
        return try ScriptedHTTPServer { request in
            if request.line.hasPrefix("PUT /meta-data/latest/api/token") {
                return .init(status: 200, body: secrets[0], contentType: "text/plain")
            }
            if request.line.hasPrefix("GET /openstack/latest/securitykey") { return .init(status: 200, body: key) }
            if request.line.contains("/t-unread/") {
                return .init(status: 200, body: "<html>\(echoed)</html>", contentType: "text/html")
            }
            if request.line.contains("/t-500/") {
                return .init(status: 500, body: "oops \(echoed)", contentType: "text/plain")
            }
            return .init(status: 404, body: #"{"error_code":"SMS.6004","error_msg":\#(json(echoed))}"#)
        }
    }

    @Test(arguments: cases)
    func echoedSecretsOfTheNewKindsNeverReachAnyOutput(_ shape: Int, _ source: Source) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-leak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secrets = Self.secrets(shape, count: 3)
        let server = try Self.server(secrets)
        defer { server.stop() }
        let manifest = folder.appendingPathComponent("tasks.csv")
        try "task_id,source_id,source_name\nt-404,s-1,a\nt-unread,s-2,b\nt-500,s-3,c\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        var environment = ["HUAWEICLOUD_SDK_PROJECT_ID": "p-1", "HOME": folder.path]
        switch source {
        case .profile:
            let file = folder.appendingPathComponent("hw.ini")
            try CredentialsFixture.write(
                "[basic]\nak = AKID1\nsk = \(secrets[1])\nsecurity_token = \(secrets[2])\n", to: file)
            environment[CredentialsFixture.variable] = file.path
        case .ecs:
            environment[CredentialsFixture.metadataVariable] = server.endpoint
        }
        let result = try await CommandRunner.run(
            [
                "run", "--manifest", manifest.path, "--endpoint", server.endpoint, "--credentials", source.rawValue,
                "--out", folder.appendingPathComponent("out").path, "--no-export", "--retries", "1", "--verbose",
                "--log-format", shape.isMultiple(of: 2) ? "json" : "text", "--json", "--format", "csv",
            ], environment: environment)
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.stderr.contains("***"), "\(result.stderr)")
        let kinds = source == .ecs ? secrets : Array(secrets.dropFirst())
        SecretLeakTests.assertNoLeak(result.stderr, kinds, "stderr")
        SecretLeakTests.assertNoLeak(result.stdout, kinds, "stdout")
        let results = try String(contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8)
        #expect(results.contains("t-unread"))
        SecretLeakTests.assertNoLeak(results, kinds, "results.json")
    }
}
