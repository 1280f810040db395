import Foundation
import ReportModel
import Testing

/// The `summary.json` object of SPEC 7: every key present, unknowns as null, one line for `--json`.
@Suite struct RunSummaryTests {
    static func object(_ summary: RunSummary) throws -> [String: Any] {
        let line = summary.line()
        #expect(!line.contains("\n"))
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func aFailedRunKeepsEveryKeyWithNulls() throws {
        let object = try Self.object(RunSummary(toolVersion: "1.2.3", exitCode: 2, error: "tasks.csv:3: bad"))
        #expect(
            Set(object.keys) == [
                "schema_version", "tool_version", "exit_code", "error", "started_at", "finished_at", "endpoint_host",
                "manifest", "reports", "totals", "changes", "waivers", "files", "warnings", "history",
                "credentials_source", "pruned", "coverage", "scope",
            ])
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
        #expect(object["coverage"] is NSNull && object["credentials_source"] is NSNull)
        let history = try #require(object["history"] as? [String: Any])
        #expect(history["recorded"] as? Bool == false && history["error"] is NSNull)
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["exit_code"] as? Int == 2)
        #expect(object["error"] as? String == "tasks.csv:3: bad")
        #expect(object["manifest"] is NSNull && object["endpoint_host"] is NSNull && object["started_at"] is NSNull)
        let changes = try #require(object["changes"] as? [String: Any])
        #expect(changes["previous_run"] is NSNull)
        #expect(
            Set(changes.keys) == [
                "previous_run", "newly_inconsistent", "resolved", "newly_verified", "new_servers", "gone",
                "still_inconsistent",
            ])
        let waivers = try #require(object["waivers"] as? [String: Any])
        #expect(waivers["applied"] as? Int == 0 && (waivers["expired"] as? [Any])?.isEmpty == true)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(
            Set(totals.keys) == [
                "servers", "by_status", "directories", "total_files", "different", "missing", "extra", "stale",
            ])
        #expect(
            totals["by_status"] as? [String: Int] == [
                "inconsistent": 0, "error": 0, "not_verified": 0, "accepted": 0, "consistent": 0,
            ])
    }

    @Test func aFinishedRunCarriesItsFactsInUTC() throws {
        var summary = RunSummary(
            toolVersion: "1", startedAt: Date(timeIntervalSince1970: 1_790_000_000.9),
            finishedAt: Date(timeIntervalSince1970: 1_790_000_061), endpointHost: "sms.example:8443",
            manifest: ManifestInfo(name: "tasks.csv", sha256: "ab", taskCount: 3),
            reports: [ReportDefinition(name: "t", language: .zhCN, formats: [.csv, .html])])
        summary.files = [RunSummary.FileEntry(path: "t.csv", bytes: 4, sha256: "cd")]
        let object = try Self.object(summary)
        #expect(object["started_at"] as? String == "2026-09-21T14:13:20Z")
        #expect(object["finished_at"] as? String == "2026-09-21T14:14:21Z")
        #expect((object["manifest"] as? [String: Any])?["task_count"] as? Int == 3)
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports[0]["language"] as? String == "zh-cn" && reports[0]["formats"] as? [String] == ["csv", "html"])
        #expect(Set(reports[0].keys) == ["name", "language", "formats"])
        #expect((object["files"] as? [[String: Any]])?.first?["bytes"] as? Int == 4)
        #expect(try summary.fileData() == summary.fileData())
    }
}
