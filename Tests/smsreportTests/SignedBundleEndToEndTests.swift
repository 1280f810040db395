import Foundation
import TestSupport
import Testing

/// SPEC 9 through `run`: `--sign-key` signs the run's SHA256SUMS and each bundle, the bundle holds the report's
/// files, and both `smsreport verify` and OpenSSH's own `ssh-keygen -Y verify` accept what was written.
@Suite(.enabled(if: VerifyCommandTests.sshKeygen != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
struct SignedBundleEndToEndTests {
    @Test(arguments: ["en-us", "zh-cn"])
    func aSignedRunAndItsBundleVerify(language: String) async throws {
        let keys = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: keys) }
        let key = try VerifyCommandTests.makeKey("signer", in: keys)
        let (result, _, out) = try await HandoverCommandTests.run([
            "--format", "csv,junit,bundle", "--language", language, "--name", "ticket", "--sign-key", key.path,
            "--no-history",
        ])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files.contains("SHA256SUMS.sig") && files.contains("ticket-evidence.zip"), "\(files)")
        let allowed = keys.appendingPathComponent("allowed_signers")
        let publicKey = try String(contentsOfFile: key.path + ".pub", encoding: .utf8).split(separator: " ").prefix(2)
        try "ops@example.com \(publicKey.joined(separator: " "))\n".write(
            to: allowed, atomically: true, encoding: .utf8)

        // OpenSSH itself, as a reader without smsreport would check the folder.
        let openssh = try await CommandRunner.run(
            [
                "-Y", "verify", "-f", allowed.path, "-I", "ops@example.com", "-n", "smsreport", "-s",
                out.appendingPathComponent("SHA256SUMS.sig").path,
            ], stdin: try Data(contentsOf: out.appendingPathComponent("SHA256SUMS")),
            executable: URL(fileURLWithPath: try #require(VerifyCommandTests.sshKeygen)))
        #expect(openssh.exitCode == 0, "\(openssh.stdout)\(openssh.stderr)")

        for target in [out, out.appendingPathComponent("ticket-evidence.zip")] {
            let verified = try await CommandRunner.run(["verify", target.path, "--allowed-signers", allowed.path])
            #expect(verified.exitCode == 0, "\(target.lastPathComponent): \(verified.stdout)\(verified.stderr)")
        }
        // The key never reaches any output.
        let secret = try String(contentsOf: key, encoding: .utf8).split(separator: "\n")[1]
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
    }
}
