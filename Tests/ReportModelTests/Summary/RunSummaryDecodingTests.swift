import Foundation
import ReportModel
import Testing

/// `summary.json` read back (`smsreport notify --summary`): what was written comes back equal.
@Suite struct RunSummaryDecodingTests {
    @Test func aWrittenSummaryReadsBackEqual() throws {
        var summary = RunSummary(
            toolVersion: "1.2.3", exitCode: 4, error: "2 tasks without results",
            startedAt: Date(timeIntervalSince1970: 1_790_000_000),
            finishedAt: Date(timeIntervalSince1970: 1_790_000_125),
            endpointHost: "sms.example.com",
            manifest: ManifestInfo(name: "m.csv", sha256: String(repeating: "b", count: 64), taskCount: 3),
            reports: [ReportDefinition(name: "nightly", language: .zhCN, formats: [.html, .pdf])],
            files: [RunSummary.FileEntry(path: "nightly.html", bytes: 10, sha256: String(repeating: "c", count: 64))])
        summary.totals.servers = 3
        summary.totals.byStatus["inconsistent"] = 2
        summary.totals.stale = 1
        summary.changes.previousRun = Date(timeIntervalSince1970: 1_789_913_600)
        summary.changes.newlyInconsistent = ["a"]
        summary.changes.gone = ["z"]
        summary.changes.stillInconsistent = [.init(server: "b", runs: 3)]
        summary.waivers.applied = 1
        summary.waivers.expired = ["W-1"]
        summary.warnings = [RunSummary.Warning(.notifyFailed, "notify[1] (wecom): HTTP 500 (3 attempts)")]
        summary.history = RunSummary.HistoryState(recorded: true)
        summary.credentialsSource = "profile"
        summary.pruned = ["/srv/reports/old"]
        summary.coverage = RunSummary.Coverage(
            listed: 4, notInManifest: [.init(taskID: "t9", sourceName: "s9", state: "READY")], notListed: ["t0"])
        let decoded = try RunSummary.decode(try summary.fileData())
        #expect(decoded == summary)
        #expect(try RunSummary.decode(Data(summary.line().utf8)) == summary)
    }

    @Test func aFailedRunsSparseObjectReads() throws {
        let decoded = try RunSummary.decode(
            Data(#"{"schema_version":1,"exit_code":1,"error":"endpoint unreachable"}"#.utf8))
        #expect(decoded.exitCode == 1 && decoded.error == "endpoint unreachable" && decoded.reports.isEmpty)
        #expect(decoded.totals.byStatus["consistent"] == 0)
    }

    @Test func aMalformedTimeIsAnError() {
        #expect(throws: DecodingError.self) {
            try RunSummary.decode(Data(#"{"exit_code":0,"started_at":"yesterday"}"#.utf8))
        }
    }
}
