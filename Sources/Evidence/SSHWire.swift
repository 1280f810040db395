import Foundation

/// Writes the SSH wire encoding (RFC 4251): big-endian `uint32` and length-prefixed `string`.
struct SSHWireWriter {
    private(set) var bytes: [UInt8] = []

    /// Appends raw bytes with no length prefix.
    mutating func raw(_ value: some Sequence<UInt8>) {
        bytes += value
    }

    /// Appends a big-endian 32-bit number.
    mutating func uint32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// Appends a `string`: its length, then its bytes.
    mutating func string(_ value: some Collection<UInt8>) {
        uint32(UInt32(value.count))
        bytes += value
    }

    /// Appends a text as a `string` of its UTF-8 bytes.
    mutating func string(_ text: String) {
        string(Array(text.utf8))
    }
}

/// Reads the SSH wire encoding from untrusted bytes: every length is checked against what is left.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    /// Thrown for data that ends early or declares a length past its end.
    struct Truncated: Error {}

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// True when every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The bytes not read yet.
    var remaining: [UInt8] { Array(bytes[offset...]) }

    /// Reads `count` raw bytes.
    mutating func raw(_ count: Int) throws -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else { throw Truncated() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Reads a big-endian 32-bit number.
    mutating func uint32() throws -> UInt32 {
        try raw(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Reads a `string` as bytes.
    mutating func string() throws -> [UInt8] {
        try raw(Int(try uint32()))
    }

    /// Reads a `string` as UTF-8 text (invalid bytes become U+FFFD: such text never matches what is expected).
    mutating func text() throws -> String {
        String(decoding: try string(), as: UTF8.self)
    }
}

/// Base64 inside PEM-like armor, `-----BEGIN LABEL-----` … `-----END LABEL-----`, lines of 70 characters.
enum SSHArmor {
    /// The armored text of `bytes` under `label`, ending with a newline.
    static func armor(_ bytes: [UInt8], label: String) -> String {
        let encoded = Data(bytes).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 70, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The bytes inside the first `label` armor of `text`; nil when there is none or its base64 is invalid.
    static func dearmor(_ text: String, label: String) -> [UInt8]? {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return nil }
        let body = text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body)).map { [UInt8]($0) }
    }
}
