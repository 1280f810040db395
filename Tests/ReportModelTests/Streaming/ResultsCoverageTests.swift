import Foundation
import ReportModel
import Testing

/// `coverage` in `results.json` (SPEC 9): written only when checked, read back by the streaming reader in any
/// chunk size, and absent from the bytes of a snapshot without it.
@Suite struct ResultsCoverageTests {
    static func snapshot(_ coverage: RunSummary.Coverage?) -> ResultsSnapshot {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        return ResultsSnapshot(
            run: RunMetadata(
                toolVersion: "t", startedAt: now, finishedAt: now, endpointHost: "sms.example",
                manifest: ManifestInfo(name: "m.csv", sha256: "00", taskCount: 1), languages: [.enUS]),
            tasks: [TaskRecord(taskID: "t1", sourceID: "s1", sourceName: "web")], coverage: coverage)
    }

    static let coverage = RunSummary.Coverage(
        listed: 2, notInManifest: [.init(taskID: "t9", sourceName: "db \"9\" 数据", state: "RUNNING")],
        notListed: ["t1"])

    @Test(arguments: [1, 5, 1 << 18]) func coverageRoundTrips(chunk: Int) throws {
        let data = try Self.snapshot(Self.coverage).jsonData()
        var limits = ResultsSnapshot.ReadLimits()
        limits.chunkBytes = chunk
        let read = try ResultsSnapshot(jsonData: data, limits: limits)
        #expect(read.coverage == Self.coverage)
        #expect(try read.jsonData() == data)
        #expect(try ResultsDocument.decodedWhole(data).coverage == Self.coverage)
    }

    @Test func withoutCoverageTheFileHasNoKey() throws {
        let data = try Self.snapshot(nil).jsonData()
        #expect(!String(decoding: data, as: UTF8.self).contains("coverage"))
        #expect(try ResultsSnapshot(jsonData: data).coverage == nil)
        let text = String(decoding: try Self.snapshot(Self.coverage).jsonData(), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"coverage\" : {\n    \"listed\" : 2,"))
    }
}
