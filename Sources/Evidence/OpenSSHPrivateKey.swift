import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An unencrypted Ed25519 private key in OpenSSH's `openssh-key-v1` format (what `ssh-keygen -t ed25519 -N ''`
/// writes), read with the checks `ssh` itself makes: the file is private to its owner, unencrypted, of one
/// Ed25519 key, and its public half matches its private half.
///
/// The layout (OpenSSH's PROTOCOL.key): `"openssh-key-v1\0"`, cipher name, KDF name, KDF options, the number of
/// keys, each public key, then one `string` holding two equal check numbers, each key's type, public and
/// private parts and comment, and padding 1, 2, 3, …. The key is a secret: no error quotes the file's contents.
public struct OpenSSHPrivateKey: Sendable {
    /// The signing key.
    public let privateKey: Curve25519.Signing.PrivateKey
    /// The public key's wire blob (`string "ssh-ed25519"`, `string key`), as SSH signatures carry it.
    public let publicKeyBlob: [UInt8]
    /// The armored file's private base64 lines and the seed's base64, to register as secrets so that no log line
    /// can carry them.
    public let secretTexts: [String]

    /// The largest key file read: an Ed25519 key is about 400 bytes.
    static let maximumFileBytes = 64 << 10

    /// Reads and checks the key file at `path`; throws ``SigningKeyError`` naming `path`.
    public init(contentsOfFile path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw SigningKeyError(
                file: path, reason: "cannot read the signing key: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw SigningKeyError(file: path, reason: "the signing key is not a regular file")
        }
        // As ssh does: a private key others can reach is refused before it is read.
        guard status.st_mode & 0o077 == 0 else {
            let mode = String(status.st_mode & 0o777, radix: 8)
            throw SigningKeyError(
                file: path,
                reason: "the signing key's permissions \(mode) let group or others read it; make it private "
                    + "(chmod 600 \(path))")
        }
        guard Int(status.st_size) <= Self.maximumFileBytes,
            let data = FileManager.default.contents(atPath: path), data.count <= Self.maximumFileBytes
        else {
            throw SigningKeyError(file: path, reason: "not an OpenSSH private key (unreadable or too large)")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses the armored key `text`; `file` names it in errors.
    public init(text: String, file: String) throws {
        func refuse(_ reason: String) -> SigningKeyError { SigningKeyError(file: file, reason: reason) }
        guard let bytes = SSHArmor.dearmor(text, label: "OPENSSH PRIVATE KEY") else {
            if text.contains("-----BEGIN") && text.contains("PRIVATE KEY-----") {
                throw refuse(
                    "not an OpenSSH-format private key (a PEM key); make an Ed25519 key with ssh-keygen -t ed25519 -N ''"
                )
            }
            throw refuse("not an OpenSSH private key (no -----BEGIN OPENSSH PRIVATE KEY----- block)")
        }
        var reader = SSHWireReader(bytes)
        do {
            guard try reader.raw(Self.magic.count) == Self.magic else { throw refuse("not an openssh-key-v1 key") }
            let cipher = try reader.text()
            let kdf = try reader.text()
            _ = try reader.string()
            guard try reader.uint32() == 1 else { throw refuse("the key file must hold exactly one key") }
            var publicReader = SSHWireReader(try reader.string())
            let type = try publicReader.text()
            guard type == Self.keyType else {
                throw refuse(
                    "the signing key is not an Ed25519 key; only Ed25519 keys are supported (ssh-keygen -t ed25519 -N '')"
                )
            }
            guard cipher == "none" && kdf == "none" else {
                throw refuse(
                    "the signing key is encrypted with a passphrase; an unattended run needs an unencrypted key "
                        + "(ssh-keygen -t ed25519 -N '')")
            }
            let publicKey = try publicReader.string()
            var secret = SSHWireReader(try reader.string())
            guard reader.isAtEnd else { throw refuse("unexpected data after the key") }
            let check = try secret.uint32()
            guard try secret.uint32() == check else { throw refuse("the key's check numbers differ (a damaged key)") }
            guard try secret.text() == Self.keyType else { throw refuse("the private part is not an Ed25519 key") }
            let innerPublic = try secret.string()
            let pair = try secret.string()
            _ = try secret.string()  // the comment
            let padding = secret.remaining
            guard padding.count < 8, padding.enumerated().allSatisfy({ $1 == UInt8($0 + 1) }) else {
                throw refuse("the key's padding is wrong (a damaged key)")
            }
            guard publicKey.count == 32, innerPublic == publicKey, pair.count == 64, Array(pair[32...]) == publicKey
            else { throw refuse("the key's public and private parts do not match (a damaged key)") }
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: pair[0..<32])
            guard Array(key.publicKey.rawRepresentation) == publicKey else {
                throw refuse("the key's public and private parts do not match (a damaged key)")
            }
            privateKey = key
            var blob = SSHWireWriter()
            blob.string(Self.keyType)
            blob.string(publicKey)
            publicKeyBlob = blob.bytes
        } catch is SSHWireReader.Truncated {
            throw refuse("the key file is truncated or damaged")
        } catch let error as SigningKeyError {
            throw error
        } catch {
            throw refuse("the key file is damaged")
        }
        // The first line is the fixed header and the public key, the same start in every key: redacting it
        // (and, by the redactor's prefix rule, its first characters) would hide public text. The rest carries
        // the private half.
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("-----") }
        secretTexts = Array(lines.dropFirst()) + [privateKey.rawRepresentation.base64EncodedString()]
    }

    /// `openssh-key-v1` and its terminating NUL.
    static let magic = Array("openssh-key-v1".utf8) + [0]
    /// The one key type accepted.
    static let keyType = "ssh-ed25519"
}
