import Crypto
import Foundation

/// Lower-case hex, two digits per byte, and SHA-256 digests spelled that way: the one spelling of a digest for
/// the signer, the raw body of an unreadable answer, the manifest's fingerprint and the run's file list.
public enum HexDigest {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `bytes` as lower-case hex, two digits per byte.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The SHA-256 of `bytes` in lower-case hex (64 digits).
    public static func sha256(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }
}
