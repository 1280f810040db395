import Foundation
import ReportModel

/// Small `results.json` documents for the streaming reader's tests, and the ways of reading them.
enum ResultsDocument {
    /// A valid `run` object for one task.
    static let run = #"""
        {"tool_version":"0.1.0","started_at":"2026-11-23T02:00:00Z","finished_at":"2026-11-23T02:03:10Z",
        "endpoint_host":"h","manifest":{"name":"m.csv","sha256":"ab","task_count":1},"languages":["en-us"]}
        """#

    /// A whole document around `tasks` (the JSON text of the array's elements, comma-separated).
    static func with(tasks: String, version: String = "1", exports: String = "") -> String {
        #"{"schema_version":\#(version),"run":\#(run),"exports":[\#(exports)],"tasks":[\#(tasks)]}"#
    }

    /// A task with one directory whose `num_total_files` is `total` (JSON text).
    static func task(id: String = "t1", path: String = "/data", total: String = "1") -> String {
        #"{"task_id":"\#(id)","source_id":"s","source_name":"n","directories":[{"dir_check":"\#(path)","#
            + #""num_total_files":\#(total),"num_different_files":0,"num_target_miss_files":0,"#
            + #""num_target_more_files":0}]}"#
    }

    /// Reads `text` in chunks of `chunk` bytes.
    static func read(
        _ text: String, chunk: Int = 1 << 16, limits: ResultsSnapshot.ReadLimits = ResultsSnapshot.ReadLimits()
    ) throws -> ResultsSnapshot {
        var limits = limits
        limits.chunkBytes = chunk
        return try ResultsSnapshot(jsonData: Data(text.utf8), limits: limits)
    }

    /// The error message reading `text` fails with; nil when it reads.
    static func failure(_ text: String, chunk: Int = 1 << 16, limits: ResultsSnapshot.ReadLimits = .init()) -> String? {
        do {
            _ = try read(text, chunk: chunk, limits: limits)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// What the reader before streaming did: one `JSONDecoder` pass over the whole file.
    static func decodedWhole(_ data: Data) throws -> ResultsSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ResultsSnapshot.self, from: data)
    }

    /// The repository's `samples/` folder.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")
}
