import Foundation
import TestSupport
import Testing

/// `render` of a hand-crafted results.json whose counts are out of range: clamped, summed without trapping.
@Suite struct HostileCountsRenderTests {
    /// A results.json whose only server has 1,100 directories of 2^63−1 files (clamped to 2^53 each, so the
    /// total passes Int.max and saturates) and one directory of `1e30` missing files.
    static func hostileResults() throws -> Data {
        var root = try #require(
            try JSONSerialization.jsonObject(with: Fixtures.data("hostile-results.json")) as? [String: Any])
        let huge = (0..<1_100).map { index in
            "{\"dir_check\":\"/d\(index)\",\"num_total_files\":9223372036854775807,\"num_different_files\":0}"
        }
        let tasks = """
            [{"task_id":"t-huge","source_id":"s-huge","source_name":"huge","finished_time":9223372036854775807,
              "directories":[\(huge.joined(separator: ","))]},
             {"task_id":"t-wild","source_id":"s-wild","source_name":"wild","finished_time":-9223372036854775808,
              "directories":[{"dir_check":"/w","num_total_files":-1,"num_target_miss_files":1e30,
                              "num_target_more_files":-9223372036854775808}]}]
            """
        root["tasks"] = try JSONSerialization.jsonObject(with: Data(tasks.utf8))
        return try JSONSerialization.data(withJSONObject: root)
    }

    @Test func renderDoesNotCrashOnOutOfRangeCounts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-counts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("results.json")
        try Self.hostileResults().write(to: results)
        let result = try await CommandRunner.run(
            ["render", "--results", results.path, "--out", folder.path, "--language", "en-us", "--json"])
        // 3: the "wild" server is inconsistent (missing files), which is a normal outcome, not a crash.
        #expect([0, 3, 4].contains(result.exitCode), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains { $0.hasSuffix(".html") } && files.contains { $0.hasSuffix(".xlsx") })
        let html = try String(
            contentsOf: folder.appendingPathComponent(try #require(files.first { $0.hasSuffix(".html") })),
            encoding: .utf8)
        // The saturated total (Int.max) and the clamped 2^53 missing files are shown as numbers.
        #expect(html.contains("9,223,372,036,854,775,807"))
        #expect(html.contains("9,007,199,254,740,992"))
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect("\(summary)".contains("9223372036854775807"))
    }
}
