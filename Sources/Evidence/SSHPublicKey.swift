import Crypto
import Foundation

/// An SSH public key as its wire blob (`string type`, `string key`…), with its `SHA256:` fingerprint.
public struct SSHPublicKey: Sendable, Hashable {
    /// The wire blob, as in `authorized_keys`' base64 field and in SSH signatures.
    public let blob: [UInt8]
    /// The key type, e.g. `ssh-ed25519` (from the blob).
    public let type: String

    /// A key from its wire blob; nil when the blob has no readable type.
    init?(blob: [UInt8]) {
        var reader = SSHWireReader(blob)
        guard let type = try? reader.text(), !type.isEmpty else { return nil }
        self.blob = blob
        self.type = type
    }

    /// The key of `ssh-ed25519 AAAA…`-style fields: the type, then the base64 blob, which must name that type.
    init?(type: String, base64: String) {
        guard let data = Data(base64Encoded: base64), let key = SSHPublicKey(blob: [UInt8](data)), key.type == type
        else { return nil }
        self = key
    }

    /// `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The Ed25519 key inside the blob; nil for another type or a malformed blob.
    var ed25519: Curve25519.Signing.PublicKey? {
        var reader = SSHWireReader(blob)
        guard (try? reader.text()) == "ssh-ed25519", let raw = try? reader.string(), reader.isAtEnd, raw.count == 32
        else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }
}
