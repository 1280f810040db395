import Crypto
import Foundation

/// SHA-256 over data fed in pieces, counting the bytes: the one place a file's checksum (`summary.json`,
/// `SHA256SUMS`, the evidence bundle, `smsreport verify`) is computed and spelled in hex.
public struct StreamingDigest: Sendable {
    private var hasher = SHA256()
    public private(set) var bytes = 0

    public init() {}

    public mutating func update(_ data: Data) {
        hasher.update(data: data)
        bytes += data.count
    }

    /// The lower-case hex digest of everything fed.
    public var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }

    /// The lower-case hex SHA-256 of `data`.
    public static func hex(_ data: Data) -> String {
        var digest = StreamingDigest()
        digest.update(data)
        return digest.hex
    }
}
