import Evidence
import Foundation
import Testing

/// The `--sign-key` reader: real ssh-keygen keys; private unencrypted Ed25519 only, and errors that name the
/// file but never quote it.
@Suite(.enabled(if: SSHKeygen.enabled)) struct OpenSSHPrivateKeyTests {
    @Test func readsAnUnencryptedEd25519KeyAndItsPublicHalf() throws {
        let folder = try temporaryFolder()
        let path = try SSHKeygen.makeKey("signer", in: folder)
        let key = try OpenSSHPrivateKey(contentsOfFile: path.path)
        let published = try SSHKeygen.publicKey(of: path)
        #expect(published == "ssh-ed25519 " + Data(key.publicKeyBlob).base64EncodedString())
        // Every base64 line of the private half is a secret; the first (header and public key) is not.
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").filter {
            !$0.hasPrefix("-----")
        }
        #expect(Set(lines.dropFirst().map(String.init)).isSubset(of: Set(key.secretTexts)))
        #expect(!key.secretTexts.contains(String(lines[0])))
    }

    @Test func refusesAKeyGroupOrOthersMayRead() throws {
        let folder = try temporaryFolder()
        let path = try SSHKeygen.makeKey("open", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path.path)
        let error = try #require(throws: SigningKeyError.self) { try OpenSSHPrivateKey(contentsOfFile: path.path) }
        #expect(error.file == path.path)
        #expect(error.reason.contains("644") && error.reason.contains("chmod 600"))
        try Self.expectNoKeyText(error, key: path)
    }

    @Test func refusesAnEncryptedKey() throws {
        let folder = try temporaryFolder()
        let path = try SSHKeygen.makeKey("locked", passphrase: "pass phrase", in: folder)
        let error = try #require(throws: SigningKeyError.self) { try OpenSSHPrivateKey(contentsOfFile: path.path) }
        #expect(error.description.hasPrefix(path.path + ": "))
        #expect(error.reason.contains("encrypted"))
        #expect(!error.description.contains("pass phrase"))
        try Self.expectNoKeyText(error, key: path)
    }

    @Test(arguments: ["rsa", "ecdsa"]) func refusesOtherKeyTypes(_ type: String) throws {
        let folder = try temporaryFolder()
        let path = try SSHKeygen.makeKey("other-\(type)", type: type, in: folder)
        let error = try #require(throws: SigningKeyError.self) { try OpenSSHPrivateKey(contentsOfFile: path.path) }
        #expect(error.file == path.path)
        #expect(error.reason.contains("only Ed25519"))
        try Self.expectNoKeyText(error, key: path)
    }

    @Test func refusesPEMKeysDamagedKeysAndMissingFiles() throws {
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n"
        #expect(throws: SigningKeyError.self) { try OpenSSHPrivateKey(text: pem, file: "k") }
        let folder = try temporaryFolder()
        let path = try SSHKeygen.makeKey("damaged", in: folder)
        var text = try String(contentsOf: path, encoding: .utf8)
        // Flip one base64 character inside the private section: the check numbers or the pair no longer agree.
        var lines = text.split(separator: "\n").map(String.init)
        let middle = lines.count / 2
        var characters = Array(lines[middle])
        characters[10] = characters[10] == "A" ? "B" : "A"
        lines[middle] = String(characters)
        text = lines.joined(separator: "\n") + "\n"
        #expect(throws: SigningKeyError.self) { try OpenSSHPrivateKey(text: text, file: "damaged") }
        #expect(throws: SigningKeyError.self) {
            try OpenSSHPrivateKey(contentsOfFile: folder.appendingPathComponent("none").path)
        }
    }

    /// No line of the key file's base64 appears in the error.
    static func expectNoKeyText(_ error: SigningKeyError, key: URL) throws {
        let text = try String(contentsOf: key, encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("-----") {
            #expect(!error.description.contains(line.prefix(20)))
        }
    }
}
