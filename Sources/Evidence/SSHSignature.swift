import Crypto
import Foundation

/// An SSH signature in OpenSSH's SSHSIG format (PROTOCOL.sshsig), the format of `ssh-keygen -Y sign`.
///
/// The blob is `"SSHSIG"`, version 1, the signer's public key, the namespace, a reserved empty string, the hash
/// algorithm and the signature. What the key signs is not the message but `"SSHSIG"`, the namespace, the reserved
/// string, the hash algorithm and the message's hash, so a signature made for one namespace (here `smsreport`)
/// cannot be passed off as one for another (e.g. `git`). The armored form has 70-column base64 lines between
/// `-----BEGIN SSH SIGNATURE-----` and `-----END SSH SIGNATURE-----`.
public struct SSHSignature: Sendable, Hashable {
    /// The namespace every smsreport signature carries; `ssh-keygen -Y verify -n smsreport` checks it.
    public static let namespace = "smsreport"
    /// The hash smsreport signs with.
    public static let hashAlgorithm = "sha512"

    /// The signer's public key.
    public let publicKey: SSHPublicKey
    public let namespace: String
    public let hashAlgorithm: String
    /// The signature's algorithm name, e.g. `ssh-ed25519`.
    public let signatureAlgorithm: String
    /// The raw signature bytes.
    let signature: [UInt8]

    /// Signs `message` with `key` in ``namespace`` over its SHA-512.
    public init(signing message: Data, with key: OpenSSHPrivateKey) throws {
        let signed = Self.signedData(message, namespace: Self.namespace, hashAlgorithm: Self.hashAlgorithm)
        guard let publicKey = SSHPublicKey(blob: key.publicKeyBlob) else {
            throw EvidenceError("the signing key's public half is malformed")
        }
        self.publicKey = publicKey
        namespace = Self.namespace
        hashAlgorithm = Self.hashAlgorithm
        signatureAlgorithm = OpenSSHPrivateKey.keyType
        signature = Array(try key.privateKey.signature(for: Data(signed)))
    }

    /// Reads an armored signature; `file` names it in errors.
    public init(armored text: String, file: String) throws {
        guard let bytes = SSHArmor.dearmor(text, label: "SSH SIGNATURE") else {
            throw EvidenceError("\(file): not an SSH signature (no -----BEGIN SSH SIGNATURE----- block)")
        }
        var reader = SSHWireReader(bytes)
        do {
            guard try reader.raw(6) == Self.magic, try reader.uint32() == 1 else {
                throw EvidenceError("\(file): not an SSHSIG version 1 signature")
            }
            guard let key = SSHPublicKey(blob: try reader.string()) else {
                throw EvidenceError("\(file): the signature's public key is malformed")
            }
            publicKey = key
            namespace = try reader.text()
            _ = try reader.string()  // reserved
            hashAlgorithm = try reader.text()
            var inner = SSHWireReader(try reader.string())
            signatureAlgorithm = try inner.text()
            signature = try inner.string()
            guard inner.isAtEnd, reader.isAtEnd else {
                throw EvidenceError("\(file): unexpected data in the signature")
            }
        } catch is SSHWireReader.Truncated {
            throw EvidenceError("\(file): the signature is truncated or damaged")
        }
    }

    /// The armored text, as `ssh-keygen -Y sign` writes it.
    public var armored: String {
        var inner = SSHWireWriter()
        inner.string(signatureAlgorithm)
        inner.string(signature)
        var blob = SSHWireWriter()
        blob.raw(Self.magic)
        blob.uint32(1)
        blob.string(publicKey.blob)
        blob.string(namespace)
        blob.string([UInt8]())
        blob.string(hashAlgorithm)
        blob.string(inner.bytes)
        return SSHArmor.armor(blob.bytes, label: "SSH SIGNATURE")
    }

    /// Why the signature does not hold for `message` in `namespace` with its own key; nil when it holds.
    ///
    /// Only Ed25519 keys are checked (the only type smsreport signs with); the key's identity is a separate
    /// question (``AllowedSigners``).
    public func problem(for message: Data, namespace expected: String = SSHSignature.namespace) -> String? {
        guard namespace == expected else { return "it was made for another namespace, not \(expected)" }
        guard hashAlgorithm == "sha512" || hashAlgorithm == "sha256" else {
            return "its hash algorithm is not sha512 or sha256"
        }
        guard signatureAlgorithm == "ssh-ed25519", let key = publicKey.ed25519 else {
            return "its key is not an Ed25519 key (smsreport checks Ed25519 signatures only)"
        }
        let signed = Self.signedData(message, namespace: namespace, hashAlgorithm: hashAlgorithm)
        guard key.isValidSignature(signature, for: Data(signed)) else {
            return "it does not match the signed file (the file or the signature was changed)"
        }
        return nil
    }

    /// What the key signs: the preamble, namespace, reserved string, hash algorithm and the message's hash.
    static func signedData(_ message: Data, namespace: String, hashAlgorithm: String) -> [UInt8] {
        let digest: [UInt8] =
            hashAlgorithm == "sha256" ? Array(SHA256.hash(data: message)) : Array(SHA512.hash(data: message))
        var writer = SSHWireWriter()
        writer.raw(magic)
        writer.string(namespace)
        writer.string([UInt8]())
        writer.string(hashAlgorithm)
        writer.string(digest)
        return writer.bytes
    }

    /// `SSHSIG`, the preamble of both the blob and the signed data.
    static let magic = Array("SSHSIG".utf8)
}
