import Foundation

/// Reads a `results.json` one top-level value and one array element at a time: the scanner cuts each element
/// out as a bounded slice, `JSONDecoder` decodes it, and the tasks are compacted as they arrive.
struct ResultsStreamReader {
    typealias ReadError = ResultsSnapshot.ReadError

    let source: String
    private var scanner: JSONValueScanner
    private let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
    /// The bytes of the element being decoded, reused from one element to the next.
    private var buffer = Data()
    private var compactor = SnapshotCompactor()
    private var versionSeen = false
    /// The first problem found before `schema_version` was read: it is reported only once the version is known
    /// to be this build's (a file of another version fails with that, whatever else is wrong in it). While one
    /// is pending, the rest of the file is only scanned.
    private var pending: ReadError?

    init(source: String, limits: ResultsSnapshot.ReadLimits, nextChunk: @escaping () throws -> Data?) {
        self.source = source
        scanner = JSONValueScanner(
            limits: .init(maximumValueBytes: limits.maximumElementBytes, maximumDepth: limits.maximumDepth),
            nextChunk: nextChunk)
    }

    /// Reads the whole document.
    mutating func read() throws -> ResultsSnapshot {
        do {
            return try readDocument()
        } catch let error as JSONValueScanner.SyntaxError {
            throw syntaxError(error, at: nil)
        }
    }

    private mutating func readDocument() throws -> ResultsSnapshot {
        try scanner.skipByteOrderMark()
        guard try scanner.peek() == UInt8(ascii: "{") else {
            throw ReadError(description: "\(source): not a smsreport results file (not a JSON object)")
        }
        try scanner.expect(UInt8(ascii: "{"), "'{'")
        var run: RunMetadata?
        var tasks: [TaskRecord]?
        var exports: [ExportRecord]?
        var keys: Set<String> = []
        var first = true
        while try scanner.nextElement(first: first, closer: UInt8(ascii: "}")) {
            first = false
            let key = try readKey()
            guard keys.insert(key).inserted else {
                throw ReadError(description: "\(source): \(key): appears twice (line \(scanner.line))")
            }
            try scanner.expect(UInt8(ascii: ":"), "':' after \"\(key)\"")
            switch key {
            case "schema_version": try readVersion()
            case "run": run = try element(RunMetadata.self, at: "run")
            case "exports": exports = try array(ExportRecord.self, at: "exports", capacity: 0)
            case "tasks":
                tasks = try array(TaskRecord.self, at: "tasks", capacity: run?.manifest.taskCount ?? 0) {
                    $1.compact(&$0)
                }
            default: try scanner.skipValue()
            }
        }
        try scanner.expectEnd()
        if !versionSeen { throw versionError(nil) }
        guard let run else { throw ReadError(description: "\(source): run: missing") }
        guard let tasks else { throw ReadError(description: "\(source): tasks: missing") }
        guard let exports else { throw ReadError(description: "\(source): exports: missing") }
        return ResultsSnapshot(
            schemaVersion: ResultsSnapshot.currentSchemaVersion, run: run, tasks: tasks, exports: exports)
    }

    private mutating func readKey() throws -> String {
        guard try scanner.peek() == UInt8(ascii: "\"") else { throw try scanner.unexpected("expected a key in quotes") }
        try scanner.capture(into: &buffer)
        guard let key = try? decoder.decode(String.self, from: buffer) else {
            throw scanner.error("a key that is not a valid JSON string")
        }
        return key
    }

    private mutating func readVersion() throws {
        try scanner.capture(into: &buffer)
        let text = String(decoding: buffer.prefix(40), as: UTF8.self)
        guard Int(text) == ResultsSnapshot.currentSchemaVersion else { throw versionError(text) }
        versionSeen = true
        if let pending { throw pending }
    }

    private func versionError(_ found: String?) -> ReadError {
        ReadError(
            description: "\(source): schema_version \(found ?? "missing") is not supported "
                + "(this smsreport reads \(ResultsSnapshot.currentSchemaVersion))")
    }

    /// The elements of the array at `place`, each decoded on its own and handed to `finish` with the snapshot's
    /// compactor; `capacity` is the count expected.
    private mutating func array<T: Decodable>(
        _ type: T.Type, at place: String, capacity: Int,
        finish: (inout T, inout SnapshotCompactor) -> Void = { _, _ in }
    ) throws -> [T] {
        guard try scanner.peek() == UInt8(ascii: "[") else {
            throw ReadError(description: "\(source): \(place): expected an array (line \(scanner.line))")
        }
        try scanner.expect(UInt8(ascii: "["), "'['")
        var elements: [T] = []
        // The manifest's task count, when the run came first (it does in files smsreport writes); a hand-edited
        // count cannot reserve more than a million up front.
        elements.reserveCapacity(min(max(capacity, 0), 1 << 20))
        var index = 0
        while try scanner.nextElement(first: index == 0, closer: UInt8(ascii: "]")) {
            if var element = try element(T.self, at: "\(place)[\(index)]") {
                finish(&element, &compactor)
                elements.append(element)
            }
            index += 1
        }
        return elements
    }

    /// Decodes the next value as `T`; nil when a problem is pending (the value is then only scanned), or when
    /// this one is the problem and the version is not known yet.
    private mutating func element<T: Decodable>(_ type: T.Type, at place: String) throws -> T? {
        _ = try scanner.peek()
        let line = scanner.line
        guard pending == nil else {
            try scanner.skipValue()
            return nil
        }
        do {
            try scanner.capture(into: &buffer)
        } catch let error as JSONValueScanner.SyntaxError {
            throw syntaxError(error, at: place)
        }
        do {
            return try decoder.decode(T.self, from: buffer)
        } catch let error as DecodingError {
            let problem = decodingError(error, at: place, line: line)
            guard versionSeen else {
                pending = problem
                return nil
            }
            throw problem
        }
    }

    private func syntaxError(_ error: JSONValueScanner.SyntaxError, at place: String?) -> ReadError {
        let detail = "invalid JSON at line \(error.line), byte offset \(error.offset): \(error.message)"
        guard let place else { return ReadError(description: "\(source): not a smsreport results file (\(detail))") }
        return ReadError(description: "\(source): \(place): \(detail)")
    }

    private func decodingError(_ error: DecodingError, at place: String, line: Int) -> ReadError {
        func path(_ keys: [any CodingKey]) -> String {
            place + keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        }
        let message: String
        switch error {
        case .keyNotFound(let key, let context): message = "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            message = "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let detail = context.underlyingError.map { " (\($0))" } ?? ""
            message = "\(path(context.codingPath)): \(context.debugDescription)\(detail)"
        @unknown default: message = "\(place): \(error)"
        }
        return ReadError(description: "\(source): \(message) (in the value at line \(line))")
    }
}
