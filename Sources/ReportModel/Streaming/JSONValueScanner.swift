import Foundation

/// Walks one JSON document that arrives in chunks and hands out its values as bounded byte slices, so that a
/// large file is never held whole: the scanner keeps one chunk and the value being captured, nothing more.
///
/// The scanner finds where a value ends (strings, escapes, nesting); checking the value itself is left to the
/// decoder the slice is handed to. It knows the byte offset and line of every place, for error messages.
struct JSONValueScanner {
    /// Bounds on what one captured value may cost.
    struct Limits: Sendable {
        /// The largest value captured, in bytes.
        var maximumValueBytes: Int
        /// The deepest nesting of arrays and objects inside the document.
        var maximumDepth: Int
    }

    /// Bytes that are not the JSON expected, with where: the byte offset (from 0) and the line (from 1).
    struct SyntaxError: Error, CustomStringConvertible {
        let message: String
        let offset: Int
        let line: Int

        var description: String { "\(message) (line \(line), byte offset \(offset))" }
    }

    let limits: Limits
    private let nextChunk: () throws -> Data?
    private var chunk: [UInt8] = []
    private var position = 0
    /// The document offset of `chunk[0]`.
    private var chunkOffset = 0
    /// The line of `chunk[position]`.
    private(set) var line = 1
    /// The nesting depth of the scanner's own position (the containers it was told to enter).
    private(set) var depth = 0

    /// A scanner over the chunks `nextChunk` returns in order; nil (or an empty chunk) ends the document.
    init(limits: Limits, nextChunk: @escaping () throws -> Data?) {
        self.limits = limits
        self.nextChunk = nextChunk
    }

    /// The document offset of the next byte.
    var offset: Int { chunkOffset + position }

    /// A syntax error at the current place.
    func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: offset, line: line) }

    /// The next byte that is not white space, not consumed; nil at the end of the document.
    mutating func peek() throws -> UInt8? {
        while true {
            if position == chunk.count, !(try refill()) { return nil }
            let byte = chunk[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            case UInt8(ascii: "\n"):
                position += 1
                line += 1
            default: return byte
            }
        }
    }

    /// Skips a UTF-8 byte order mark at the very start, as other readers of the file do.
    mutating func skipByteOrderMark() throws {
        guard offset == 0 else { return }
        for byte in [0xEF, 0xBB, 0xBF] as [UInt8] {
            if position == chunk.count, !(try refill()) { return }
            guard chunk[position] == byte else { return }
            position += 1
        }
    }

    /// Consumes `byte` (after white space) or throws "expected `what`".
    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard try peek() == byte else { throw try unexpected("expected \(what)") }
        position += 1
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { try enter() }
    }

    /// Steps into the next element of the container just entered with ``expect(_:_:)``: true when there is one,
    /// false (and the container left) at its closing bracket. `first` is true for the first call.
    mutating func nextElement(first: Bool, closer: UInt8) throws -> Bool {
        let byte = try peek()
        if byte == closer {
            position += 1
            depth -= 1
            return false
        }
        if first { return true }
        guard byte == UInt8(ascii: ",") else {
            throw try unexpected("expected ',' or '\(Character(Unicode.Scalar(closer)))'")
        }
        position += 1
        return true
    }

    /// Appends the next whole value to `output` (which is emptied first) and consumes it.
    mutating func capture(into output: inout Data) throws {
        output.removeAll(keepingCapacity: true)
        try scanValue(keeping: true, into: &output)
    }

    /// Consumes the next whole value without keeping it.
    mutating func skipValue() throws {
        var nothing = Data()
        try scanValue(keeping: false, into: &nothing)
    }

    /// After the document: throws when anything but white space follows.
    mutating func expectEnd() throws {
        guard try peek() == nil else { throw error("unexpected content after the end of the document") }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= limits.maximumDepth else { throw error("nesting deeper than \(limits.maximumDepth) levels") }
    }

    /// A syntax error at the next byte: `message`, then what was found there instead.
    mutating func unexpected(_ message: String) throws -> SyntaxError {
        guard let byte = try peek() else { return error(message + ", found the end of the file") }
        guard byte >= 0x20, byte < 0x7F else {
            return error(message + ", found byte 0x" + String(byte, radix: 16, uppercase: true))
        }
        return error(message + ", found '\(Character(Unicode.Scalar(byte)))'")
    }

    private mutating func refill() throws -> Bool {
        chunkOffset += chunk.count
        chunk.removeAll(keepingCapacity: true)
        position = 0
        guard let next = try nextChunk(), !next.isEmpty else { return false }
        chunk.append(contentsOf: next)
        return true
    }

    /// The scan of one value: strings (with escapes), brackets, and bare scalars ended by a delimiter.
    private mutating func scanValue(keeping: Bool, into output: inout Data) throws {
        guard let first = try peek() else { throw error("expected a value, found the end of the file") }
        let startLine = line
        let startOffset = offset
        let scalar = first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && first != UInt8(ascii: "\"")
        if scalar, !Self.startsScalar(first) { throw try unexpected("expected a value") }
        var state = ScanState(depth: depth, scalar: scalar)
        var captured = 0
        while true {
            if position == chunk.count, !(try refill()) {
                if scalar { return }
                throw SyntaxError(
                    message: "the value that starts here is not closed before the end of the file",
                    offset: startOffset, line: startLine)
            }
            let start = position
            let bounds = limits
            let (end, done) = chunk.withUnsafeBufferPointer { bytes in
                let (end, done) = state.scan(bytes, from: start, limits: bounds)
                if keeping, state.failure == nil { output.append(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                return (end, done)
            }
            if state.failure != nil {
                position = end
                line += state.lines
                throw error(state.failure!)
            }
            captured += end - start
            if captured > limits.maximumValueBytes {
                throw SyntaxError(
                    message: "a value larger than \(limits.maximumValueBytes) bytes", offset: startOffset,
                    line: startLine)
            }
            position = end
            line += state.lines
            state.lines = 0
            if done { return }
        }
    }

    private static func startsScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") || byte == UInt8(ascii: "n")
    }
}
