import Foundation
import Rendering

/// A `SHA256SUMS` file in `sha256sum -c` format: one `<hex digest>  <path>` line per file, sorted by path.
public struct ChecksumList: Sendable, Hashable {
    /// One listed file.
    public struct Entry: Sendable, Hashable {
        public var path: String
        /// Lower-case hex SHA-256.
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public private(set) var entries: [Entry]

    /// A list of `entries`, sorted by the UTF-8 bytes of their paths (the same on every machine).
    public init(_ entries: [Entry]) {
        self.entries = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The file's text, as `sha256sum` writes it.
    public var text: String {
        entries.map { "\($0.sha256)  \($0.path)\n" }.joined()
    }

    /// Reads `text` (text `  ` or binary ` *` mode); `file` names it in errors. Duplicate paths are an error:
    /// the file would vouch for two contents at once.
    public init(text: String, file: String) throws {
        var entries: [Entry] = []
        var seen: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty { continue }
            guard line.count > 66, let separator = line.index(line.startIndex, offsetBy: 64, limitedBy: line.endIndex)
            else { throw Self.malformed(file, index) }
            let digest = String(line[..<separator]).lowercased()
            let mode = line[separator...].prefix(2)
            guard digest.allSatisfy(\.isHexDigit), digest.allSatisfy(\.isASCII), mode == "  " || mode == " *" else {
                throw Self.malformed(file, index)
            }
            let path = String(line[separator...].dropFirst(2))
            guard seen.insert(path).inserted else {
                throw EvidenceError("\(file):\(index + 1): a file is listed twice")
            }
            entries.append(Entry(path: path, sha256: digest))
        }
        self.entries = entries
    }

    private static func malformed(_ file: String, _ index: Int) -> EvidenceError {
        EvidenceError("\(file):\(index + 1): not a '<sha256>  <file>' line")
    }

    /// The lower-case hex SHA-256 of `data`.
    public static func hex(_ data: Data) -> String {
        StreamingDigest.hex(data)
    }
}
