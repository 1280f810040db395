import Foundation

extension ResultsSnapshot {
    /// Bounds on reading a `results.json`, so that a damaged or hostile file fails with a message instead of
    /// exhausting memory.
    public struct ReadLimits: Sendable, Hashable {
        /// The largest single task, export or run object, in bytes (a task keeps at most 64 KiB of raw body).
        public var maximumElementBytes: Int
        /// The deepest nesting of arrays and objects.
        public var maximumDepth: Int
        /// How many bytes are read from the file at a time.
        public var chunkBytes: Int

        public init(maximumElementBytes: Int = 64 << 20, maximumDepth: Int = 64, chunkBytes: Int = 256 << 10) {
            self.maximumElementBytes = maximumElementBytes
            self.maximumDepth = maximumDepth
            self.chunkBytes = max(1, chunkBytes)
        }
    }

    /// Reads the `results.json` at `url` task by task: the file is read in chunks and never held whole, and
    /// each task is decoded on its own. `source` names the file in errors (default: its path).
    public init(contentsOf url: URL, source: String? = nil, limits: ReadLimits = ReadLimits()) throws {
        let source = source ?? url.path
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw ReadError(description: "\(source): cannot read: \(error.localizedDescription)")
        }
        defer { try? handle.close() }
        try self.init(source: source, limits: limits) {
            do {
                return try handle.read(upToCount: max(1, limits.chunkBytes))
            } catch {
                throw ReadError(description: "\(source): cannot read: \(error.localizedDescription)")
            }
        }
    }

    /// Reads `results.json` bytes; `source` names the file in errors.
    public init(jsonData data: Data, source: String = "results.json", limits: ReadLimits = ReadLimits()) throws {
        var start = data.startIndex
        try self.init(source: source, limits: limits) {
            guard start < data.endIndex else { return nil }
            let end = data.index(start, offsetBy: max(1, limits.chunkBytes), limitedBy: data.endIndex) ?? data.endIndex
            defer { start = end }
            return data[start..<end]
        }
    }

    /// Reads a `results.json` from the chunks `nextChunk` returns in order (nil at the end), one top-level value
    /// and one task at a time. Keys may come in any order; a `schema_version` other than this build's is
    /// reported before any other problem, wherever it stands in the file.
    public init(
        source: String = "results.json", limits: ReadLimits = ReadLimits(), nextChunk: @escaping () throws -> Data?
    ) throws {
        var reader = ResultsStreamReader(source: source, limits: limits, nextChunk: nextChunk)
        self = try reader.read()
    }
}
