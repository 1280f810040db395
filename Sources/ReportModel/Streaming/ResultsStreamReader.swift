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
        var coverage: RunSummary.Coverage?
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
            case "coverage": coverage = try element(RunSummary.Coverage.self, at: "coverage")
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
            schemaVersion: ResultsSnapshot.currentSchemaVersion, run: run, tasks: tasks, exports: exports,
            coverage: coverage)
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
    ///
    /// Elements are cut out in batches and a batch is decoded on every core (decoding is most of the reading
    /// time); they are then finished and appended one by one in file order, so the snapshot, the compaction
    /// and the first error reported are the same as reading one element at a time.
    private mutating func array<T: Decodable & Sendable>(
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
        var batch: [CapturedElement] = []
        var index = 0
        while try scanner.nextElement(first: index == 0, closer: UInt8(ascii: "]")) {
            index += 1
            _ = try scanner.peek()
            let line = scanner.line
            guard pending == nil else {
                try scanner.skipValue()
                continue
            }
            var bytes = Data()
            do {
                try scanner.capture(into: &bytes)
            } catch let error as JSONValueScanner.SyntaxError {
                // An element before this one that does not decode is the first problem in the file.
                try decode(&batch, firstIndex: index - 1 - batch.count, at: place, into: &elements, finish: finish)
                throw syntaxError(error, at: "\(place)[\(index - 1)]")
            }
            batch.append(CapturedElement(bytes: bytes, line: line))
            if batch.count == Self.batchSize {
                try decode(&batch, firstIndex: index - batch.count, at: place, into: &elements, finish: finish)
            }
        }
        try decode(&batch, firstIndex: index - batch.count, at: place, into: &elements, finish: finish)
        return elements
    }

    /// One array element cut out of the file: its bytes and the line it starts on.
    private struct CapturedElement: Sendable {
        var bytes: Data
        var line: Int
    }

    /// How many elements are cut out before a batch is decoded: enough to keep every core busy, few enough
    /// that the batch's bytes stay small (a task is a few hundred bytes to a few KiB).
    static let batchSize = 512

    /// Decodes `batch` (elements `firstIndex...` of the array at `place`) on every core, then finishes and
    /// appends them in order; the first element that does not decode is the error, as in ``element(_:at:)``.
    private mutating func decode<T: Decodable & Sendable>(
        _ batch: inout [CapturedElement], firstIndex: Int, at place: String, into elements: inout [T],
        finish: (inout T, inout SnapshotCompactor) -> Void
    ) throws {
        guard !batch.isEmpty else { return }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let sliceSize = (batch.count + workers - 1) / workers
        let slices = stride(from: 0, to: batch.count, by: sliceSize).map {
            Array(batch[$0..<min($0 + sliceSize, batch.count)])
        }
        batch.removeAll(keepingCapacity: true)
        let decoded = ParallelWork.map(slices, parallelism: workers) { slice in
            // One decoder per slice: a JSONDecoder is not shared between threads.
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return slice.map { element in Result { try decoder.decode(T.self, from: element.bytes) } }
        }
        for (offset, (outcome, element)) in zip(decoded.joined(), slices.joined()).enumerated() {
            switch outcome {
            case .success(var value):
                finish(&value, &compactor)
                elements.append(value)
            case .failure(let error as DecodingError):
                let problem = decodingError(error, at: "\(place)[\(firstIndex + offset)]", line: element.line)
                guard versionSeen else {
                    // Reported once the version is known to be this build's; the rest is only scanned.
                    pending = problem
                    return
                }
                throw problem
            case .failure(let error): throw error
            }
        }
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
