import Crypto
import Foundation

/// SHA-256 over data fed in pieces, counting the bytes.
struct StreamingDigest {
    private var hasher = SHA256()
    private(set) var bytes = 0

    mutating func update(_ data: Data) {
        hasher.update(data: data)
        bytes += data.count
    }

    /// The lower-case hex digest of everything fed.
    var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }
}
