import Foundation
import TestSupport
import Testing

/// Through the built binary: a server that echoes the secrets back in every spelling, and credentials that
/// are malformed, never put a secret on stderr, stdout or into results.json (SPEC 1, Authentication).
@Suite struct SecretLeakTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Echoes every spelling of `secrets` back: an error body for one task, an unreadable 200 for the other,
    /// and a 500 (retried) for the third.
    static func echoServer(_ secrets: [String]) throws -> ScriptedHTTPServer {
        let echoed = secrets.flatMap { SecretShapes.spellings(of: $0).map(\.text) }.joined(separator: " | ")
        let jsonEchoed = String(decoding: try JSONEncoder().encode(echoed), as: UTF8.self)
        return try ScriptedHTTPServer { request in
            if request.line.contains("/t-unread/") {
                return .init(status: 200, body: "<html>\(echoed)</html>", contentType: "text/html")
            }
            if request.line.contains("/t-500/") {
                return .init(status: 500, body: "oops \(echoed)", contentType: "text/plain")
            }
            return .init(status: 404, body: #"{"error_code":"SMS.6004","error_msg":\#(jsonEchoed)}"#)
        }
    }

    static func assertNoLeak(_ text: String, _ secrets: [String], _ place: String) {
        let leaks = SecretShapes.leaks(in: text, of: secrets)
        #expect(leaks.isEmpty, "\(place) leaks \(leaks): \(text.prefix(400))")
    }

    static let cases: [(shape: Int, useTokenFile: Bool, logFormat: String)] = SecretShapes.corpus.indices.flatMap {
        [($0, true, "text"), ($0, false, "json")]
    }

    @Test(arguments: cases)
    func echoedSecretsNeverReachAnyOutput(_ shape: Int, _ useTokenFile: Bool, _ logFormat: String) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = SecretShapes.corpus[shape]
        let other = String(SecretShapes.corpus[(shape + 1) % SecretShapes.corpus.count].reversed())
        let secrets = useTokenFile ? [secret] : [secret, other]
        let server = try Self.echoServer(secrets)
        defer { server.stop() }
        let manifest = folder.appendingPathComponent("tasks.csv")
        try "task_id,source_id,source_name\nt-404,s-1,a\nt-unread,s-2,b\nt-500,s-3,c\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        var environment: [String: String] = [:]
        var arguments = [
            "run", "--manifest", manifest.path, "--endpoint", server.endpoint, "--out",
            folder.appendingPathComponent("out").path, "--no-export", "--retries", "1", "--verbose",
            "--log-format", logFormat, "--json", "--format", "csv",
        ]
        if useTokenFile {
            let file = folder.appendingPathComponent("token.txt")
            try Data((secret + "\n").utf8).write(to: file)
            arguments += ["--token-file", file.path]
        } else {
            environment = [
                "HUAWEICLOUD_SDK_AK": "AKID1", "HUAWEICLOUD_SDK_SK": secret, "HUAWEICLOUD_SDK_SECURITY_TOKEN": other,
            ]
        }
        let result = try await CommandRunner.run(arguments, environment: environment)
        #expect(result.exitCode == 4, "\(result.stderr)")
        // The echo really happened: the redacted placeholder is in the output.
        #expect(result.stderr.contains("***"), "\(result.stderr)")
        Self.assertNoLeak(result.stderr, secrets, "stderr")
        Self.assertNoLeak(result.stdout, secrets, "stdout")
        let results = try String(contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8)
        #expect(results.contains("t-unread"))
        Self.assertNoLeak(results, secrets, "results.json")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        where name.hasSuffix(".csv") {
            let text = try String(contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8)
            Self.assertNoLeak(text, secrets, name)
        }
    }

    /// The issue's case: a token wrapped onto a second line was sent, failed in the HTTP client and was printed
    /// whole as "endpoint unreachable". Now it is a usage error before any request, naming `token.txt:2`.
    @Test func aWrappedTokenIsAUsageErrorNamingTheLine() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ScriptedHTTPServer { _ in .init(status: 500, body: "no request expected") }
        defer { server.stop() }
        let manifest = folder.appendingPathComponent("tasks.csv")
        try "task_id,source_id,source_name\nt-1,s-1,a\n".write(to: manifest, atomically: true, encoding: .utf8)
        let first = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"
        let second = "bK+cj9xQ2wErTyUiOpAsDfGhJkL=="
        let file = folder.appendingPathComponent("token.txt")
        try Data("\(first)\r\n\(second)\r\n".utf8).write(to: file)
        let result = try await CommandRunner.run(
            ["run", "--manifest", manifest.path, "--endpoint", server.endpoint, "--token-file", file.path],
            directory: folder)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("token.txt:2"), "\(result.stderr)")
        Self.assertNoLeak(result.stderr + result.stdout, [first, second, first + "\n" + second], "output")
    }

    @Test func aSecretKeyWithAControlCharacterIsAUsageErrorNamingTheVariable() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("tasks.csv")
        try "task_id,source_id,source_name\nt-1,s-1,a\n".write(to: manifest, atomically: true, encoding: .utf8)
        let secret = "wJalrXUtnFEMI/K7MDENG\u{1B}bPxRfiCYEXAMPLEKEY"
        let result = try await CommandRunner.run(
            ["run", "--manifest", manifest.path, "--endpoint", "http://127.0.0.1:9"],
            environment: ["HUAWEICLOUD_SDK_AK": "AKID1", "HUAWEICLOUD_SDK_SK": secret], directory: folder)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("HUAWEICLOUD_SDK_SK"), "\(result.stderr)")
        Self.assertNoLeak(
            result.stderr + result.stdout, [secret, "wJalrXUtnFEMI/K7MDENG", "bPxRfiCYEXAMPLEKEY"], "output")
    }
}
