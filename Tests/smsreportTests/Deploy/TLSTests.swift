import Foundation
import SMSMock
import TestSupport
import Testing

/// The binary against the mock serving HTTPS with a certificate from a CA the test makes (SPEC 1 "Endpoint").
@Suite(.enabled(if: LoopbackTools.available("openssl"), "openssl is not installed (apt-get install openssl)"))
struct TLSTests {
    /// Runs `run` against an HTTPS mock whose certificate is signed by a fresh test CA; `extra` gets the CA file.
    static func run(
        _ extra: (TestCertificates) -> [String], environment: (TestCertificates) -> [String: String] = { _ in [:] }
    ) async throws -> CommandRunner.Result {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificates = try TestCertificates(in: folder)
        let world = MockWorld.synthetic(taskCount: 2, seed: 9)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let tls = MockTLS(certificatePath: certificates.serverCertificate.path, keyPath: certificates.serverKey.path)
        return try await EndToEndTests.withMock(world, tls: tls) { endpoint in
            #expect(endpoint.scheme == "https")
            return try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--retries", "0",
                    "--out", folder.appendingPathComponent("out").path,
                ] + extra(certificates),
                environment: environment(certificates).merging(["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token]) { $1 })
        }.0
    }

    @Test func trustedWithCAFile() async throws {
        let result = try await Self.run { ["--ca-file", $0.caFile.path] }
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
    }

    @Test func trustedWithSSLCertFile() async throws {
        let result = try await Self.run({ _ in [] }, environment: { ["SSL_CERT_FILE": $0.caFile.path] })
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
    }

    @Test func untrustedStopsWithAnActionableMessage() async throws {
        let result = try await Self.run { _ in [] }
        #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("not trusted"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--ca-file"), "stderr: \(result.stderr)")
    }

    @Test func insecureWorksWithItsWarning() async throws {
        let result = try await Self.run { _ in ["--insecure"] }
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--insecure"), "stderr: \(result.stderr)")
    }

    @Test func aCAFileThatIsNotPEMIsAUsageError() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bogus = folder.appendingPathComponent("corp-ca.pem")
        try "not a certificate\n".write(to: bogus, atomically: true, encoding: .utf8)
        let result = try await CommandRunner.run(
            [
                "run", "--manifest", "x.csv", "--endpoint", "https://127.0.0.1:9", "--ca-file", bogus.path,
                "--out", folder.appendingPathComponent("out").path,
            ],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("corp-ca.pem"), "stderr: \(result.stderr)")
    }

    @Test func mockServerCommandServesHTTPS() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificates = try TestCertificates(in: folder)
        let lonely = try await CommandRunner.run(
            ["mock-server", "--token", "t", "--tls-cert", certificates.serverCertificate.path])
        #expect(lonely.exitCode == 2, "--tls-cert without --tls-key: \(lonely.stderr)")
        #expect(lonely.stderr.contains("--tls-key"))

        let mock = Process()
        mock.executableURL = CommandRunner.binary
        mock.arguments = [
            "mock-server", "--port", "0", "--tasks", "3", "--token", EndToEndTests.token,
            "--tls-cert", certificates.serverCertificate.path, "--tls-key", certificates.serverKey.path,
        ]
        let output = Pipe()
        mock.standardOutput = output
        mock.standardError = FileHandle.nullDevice
        try mock.run()
        defer {
            mock.terminate()
            mock.waitUntilExit()
        }
        var printed = ""
        while !printed.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let endpoint = try #require(
            printed.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(endpoint.hasPrefix("https://127.0.0.1:"), "printed: \(printed)")
        let manifest = folder.appendingPathComponent("tasks.csv")
        try "task_id,source_id,source_name\nt-1,s-1,a\n".write(to: manifest, atomically: true, encoding: .utf8)
        let result = try await CommandRunner.run(
            [
                "run", "--manifest", manifest.path, "--endpoint", endpoint, "--ca-file", certificates.caFile.path,
                "--retries", "0", "--no-export", "--out", folder.appendingPathComponent("out").path,
            ],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        // The mock's synthetic world does not know t-1: an answered 404 is an error row (exit 4), which proves the
        // TLS handshake with the mock-server's certificate worked.
        #expect(result.exitCode == 4 || result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("not trusted"), "stderr: \(result.stderr)")
    }
}
