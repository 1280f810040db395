import Evidence
import Foundation
import Testing

/// SSHSIG signatures against the real OpenSSH: ours pass `ssh-keygen -Y verify`, theirs pass ours.
@Suite(.enabled(if: SSHKeygen.enabled)) struct SSHSignatureTests {
    static let message = Data("0123abcd  consistency-en-us.html\n".utf8)

    @Test func ourSignatureIsAcceptedBySSHKeygen() throws {
        let folder = try temporaryFolder()
        let keyFile = try SSHKeygen.makeKey("signer", in: folder)
        let signature = try SSHSignature(
            signing: Self.message, with: try OpenSSHPrivateKey(contentsOfFile: keyFile.path))
        let armored = signature.armored
        #expect(
            armored.hasPrefix("-----BEGIN SSH SIGNATURE-----\n") && armored.hasSuffix("-----END SSH SIGNATURE-----\n"))
        #expect(armored.split(separator: "\n").allSatisfy { $0.count <= 70 })
        let sigFile = folder.appendingPathComponent("SHA256SUMS.sig")
        try armored.write(to: sigFile, atomically: true, encoding: .utf8)
        let allowed = try SSHKeygen.allowedSigners("ops@example.com", key: keyFile, in: folder)
        let good = try SSHKeygen.run(
            ["-Y", "verify", "-f", allowed.path, "-I", "ops@example.com", "-n", "smsreport", "-s", sigFile.path],
            stdin: Self.message)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("Good \"smsreport\" signature for ops@example.com"))
        let changed = try SSHKeygen.run(
            ["-Y", "verify", "-f", allowed.path, "-I", "ops@example.com", "-n", "smsreport", "-s", sigFile.path],
            stdin: Self.message + Data("x".utf8))
        #expect(changed.status != 0)
        let otherNamespace = try SSHKeygen.run(
            ["-Y", "verify", "-f", allowed.path, "-I", "ops@example.com", "-n", "git", "-s", sigFile.path],
            stdin: Self.message)
        #expect(otherNamespace.status != 0)
    }

    @Test func sshKeygensSignatureIsAcceptedByOurs() throws {
        let folder = try temporaryFolder()
        let keyFile = try SSHKeygen.makeKey("signer", in: folder)
        let file = folder.appendingPathComponent("SHA256SUMS")
        try Self.message.write(to: file)
        let signed = try SSHKeygen.run(["-Y", "sign", "-f", keyFile.path, "-n", "smsreport", file.path])
        #expect(signed.status == 0, "\(signed.output)")
        let text = try String(contentsOfFile: file.path + ".sig", encoding: .utf8)
        let theirs = try SSHSignature(armored: text, file: "SHA256SUMS.sig")
        #expect(theirs.problem(for: Self.message) == nil)
        #expect(theirs.problem(for: Self.message + Data("x".utf8)) != nil)
        #expect(theirs.problem(for: Self.message, namespace: "git") != nil)
        let key = try OpenSSHPrivateKey(contentsOfFile: keyFile.path)
        #expect(theirs.publicKey.blob == key.publicKeyBlob)
        #if os(Linux)
            // Ed25519 is deterministic (BoringSSL, OpenSSH): same key, same message, same bytes.
            #expect(try SSHSignature(signing: Self.message, with: key).armored == text)
        #endif
    }

    @Test func aSignatureNamespacedForAnotherUseIsRefused() throws {
        let folder = try temporaryFolder()
        let keyFile = try SSHKeygen.makeKey("signer", in: folder)
        let file = folder.appendingPathComponent("data")
        try Self.message.write(to: file)
        #expect(try SSHKeygen.run(["-Y", "sign", "-f", keyFile.path, "-n", "git", file.path]).status == 0)
        let signature = try SSHSignature(
            armored: String(contentsOfFile: file.path + ".sig", encoding: .utf8), file: "s")
        #expect(signature.problem(for: Self.message)?.contains("namespace") == true)
    }

    @Test func garbageIsNotASignature() {
        #expect(throws: EvidenceError.self) { try SSHSignature(armored: "hello", file: "s") }
        let truncated = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----\n"
        #expect(throws: EvidenceError.self) { try SSHSignature(armored: truncated, file: "s") }
    }
}
