import Foundation
import TestSupport
import Testing

/// OpenSSH's ssh-keygen, which signs the run folder as an operator would.
private let verifySSHKeygen = ["/usr/bin/ssh-keygen", "/bin/ssh-keygen"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// `smsreport verify` as a user runs it: on a run folder the demo wrote, signed by ssh-keygen, then tampered.
/// With CI=true a missing ssh-keygen fails these tests (openssh-client is in `.ci/run`); elsewhere they skip.
@Suite(.enabled(if: verifySSHKeygen != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
struct VerifyCommandTests {
    static var sshKeygen: String? { verifySSHKeygen }

    /// A run folder written against the mock, its SHA256SUMS signed by a new key, and an allowed_signers file for
    /// that key.
    static func signedRun() async throws -> (out: URL, allowed: URL, folder: URL) {
        let (result, _, out) = try await HandoverCommandTests.run(["--format", "csv"])
        #expect(result.exitCode == 0 || result.exitCode == 4, "\(result.stderr)")
        let folder = out.deletingLastPathComponent()
        let key = try makeKey("signer", in: folder)
        try keygen(["-Y", "sign", "-f", key.path, "-n", "smsreport", out.appendingPathComponent("SHA256SUMS").path])
        let allowed = folder.appendingPathComponent("allowed_signers")
        let publicKey = try String(contentsOfFile: key.path + ".pub", encoding: .utf8).split(separator: " ").prefix(2)
        try "ops@example.com \(publicKey.joined(separator: " "))\n".write(
            to: allowed, atomically: true, encoding: .utf8)
        return (out, allowed, folder)
    }

    static func makeKey(_ name: String, in folder: URL) throws -> URL {
        let key = folder.appendingPathComponent(name)
        try keygen(["-q", "-t", "ed25519", "-N", "", "-f", key.path])
        return key
    }

    static func keygen(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(sshKeygen, "apt-get install openssh-client"))
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aSignedRunFolderVerifiesAndATamperedOneDoesNot() async throws {
        let (out, allowed, folder) = try await Self.signedRun()
        let good = try await CommandRunner.run(["verify", out.path, "--allowed-signers", allowed.path])
        #expect(good.exitCode == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("ok: SHA256SUMS.sig is a good signature of SHA256SUMS by ops@example.com"))
        #expect(good.stdout.hasSuffix("verified: every check holds\n"))

        let unchecked = try await CommandRunner.run(["verify", out.path])
        #expect(unchecked.exitCode == 0)
        #expect(unchecked.stdout.contains("not checked against a key you trust"))

        let other = try Self.makeKey("intruder", in: folder)
        let otherAllowed = folder.appendingPathComponent("other_signers")
        let otherKey = try String(contentsOfFile: other.path + ".pub", encoding: .utf8).split(separator: " ").prefix(2)
        try "x@example.com \(otherKey.joined(separator: " "))\n".write(
            to: otherAllowed, atomically: true, encoding: .utf8)
        let wrongKey = try await CommandRunner.run(["verify", out.path, "--allowed-signers", otherAllowed.path])
        #expect(wrongKey.exitCode == 1)
        #expect(wrongKey.stdout.contains("FAILED: SHA256SUMS.sig is signed by the key ssh-ed25519 SHA256:"))

        let csv = out.appendingPathComponent("consistency-en-us.csv")
        var bytes = [UInt8](try Data(contentsOf: csv))
        bytes[bytes.count - 3] ^= 0x01
        try Data(bytes).write(to: csv)
        try Data("note".utf8).write(to: out.appendingPathComponent("added.txt"))
        let tampered = try await CommandRunner.run(["verify", out.path, "--allowed-signers", allowed.path])
        #expect(tampered.exitCode == 1)
        #expect(tampered.stdout.contains("FAILED: consistency-en-us.csv was changed"))
        #expect(tampered.stdout.contains("FAILED: added.txt is present but not listed in SHA256SUMS"))
        #expect(tampered.stdout.hasSuffix("NOT verified: 2 problems\n"))
    }

    @Test func badUsageExits2() async throws {
        let missing = try await CommandRunner.run(["verify", "/nonexistent/reports"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("/nonexistent/reports"))
        let folder = try EndToEndTests.temporaryFolder()
        let allowed = folder.appendingPathComponent("allowed")
        try "ops@example.com ssh-ed25519 !!!\n".write(to: allowed, atomically: true, encoding: .utf8)
        let broken = try await CommandRunner.run(["verify", folder.path, "--allowed-signers", allowed.path])
        #expect(broken.exitCode == 2)
        #expect(broken.stderr.contains("\(allowed.path):1"))
    }
}
