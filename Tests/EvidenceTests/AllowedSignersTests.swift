import Foundation
import Testing

@testable import Evidence

/// The allowed_signers format of ssh-keygen(1): principals, options, key type and key.
@Suite struct AllowedSignersTests {
    static let keyA = "AAAAC3NzaC1lZDI1NTE5AAAAIBrkAGVW4LmL6VYd0C1XNUzJx2LqVMJqQQ9UhVdTkEXp"
    static let keyB = "AAAAC3NzaC1lZDI1NTE5AAAAIGhpMnEnwz7b3DMfkSYKo7CJCpmC2CsmMJhGe+Tgqx2r"

    static func key(_ base64: String) throws -> SSHPublicKey {
        let data = try #require(Data(base64Encoded: base64))
        return try #require(SSHPublicKey(blob: [UInt8](data)))
    }

    @Test func readsPrincipalsOptionsAndComments() throws {
        let text = """
            # operations keys
            ops@example.com,\"Li Si\" ssh-ed25519 \(Self.keyA) laptop

            backup@example.com namespaces="git,file" ssh-ed25519 \(Self.keyB)
            ca@example.com cert-authority ssh-ed25519 \(Self.keyB)
            """
        let signers = try AllowedSigners(text: text, file: "allowed")
        #expect(signers.entries.count == 3)
        #expect(
            signers.principals(for: try Self.key(Self.keyA), namespace: "smsreport") == ["ops@example.com,\"Li Si\""])
        // keyB is allowed for git and file only, and as a certificate authority (which smsreport does not take).
        #expect(signers.principals(for: try Self.key(Self.keyB), namespace: "smsreport").isEmpty)
        #expect(signers.principals(for: try Self.key(Self.keyB), namespace: "git") == ["backup@example.com"])
    }

    @Test func namespacePatternsAndValidity() throws {
        let text = """
            a@x namespaces="sms*,!smsreport-old",valid-after="20260101",valid-before="20300101Z" ssh-ed25519 \(Self.keyA)
            """
        let signers = try AllowedSigners(text: text, file: "allowed")
        let key = try Self.key(Self.keyA)
        let inside = Date(timeIntervalSince1970: 1_800_000_000)  // 2027
        #expect(signers.principals(for: key, namespace: "smsreport", at: inside) == ["a@x"])
        #expect(signers.principals(for: key, namespace: "smsreport-old", at: inside).isEmpty)
        #expect(signers.principals(for: key, namespace: "git", at: inside).isEmpty)
        #expect(
            signers.principals(for: key, namespace: "smsreport", at: Date(timeIntervalSince1970: 1_700_000_000)).isEmpty
        )
        #expect(
            signers.principals(for: key, namespace: "smsreport", at: Date(timeIntervalSince1970: 1_950_000_000)).isEmpty
        )
    }

    @Test func aBrokenLineIsAnErrorNamingTheFileAndLine() {
        let error = #expect(throws: EvidenceError.self) {
            try AllowedSigners(text: "# c\nops@example.com ssh-ed25519 not-base64\n", file: "allowed")
        }
        #expect(error?.description.hasPrefix("allowed:2: ") == true)
        #expect(throws: EvidenceError.self) {
            try AllowedSigners(text: "ops@example.com bogus=1 ssh-ed25519 \(Self.keyA)\n", file: "f")
        }
        #expect(throws: EvidenceError.self) {
            try AllowedSigners(text: "ops@example.com ssh-rsa \(Self.keyA)\n", file: "f")
        }
    }
}
