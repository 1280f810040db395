import Foundation
import ReportModel
import TestSupport
import Testing

@Suite struct ConsistencySummaryTests {
    static func directory(_ path: String, total: Int = 10, different: Int = 0, missing: Int = 0, extra: Int = 0)
        -> DirectoryResult
    {
        DirectoryResult(
            path: path,
            counts: FileCounts(total: total, different: different, missingOnTarget: missing, extraOnTarget: extra))
    }

    @Test func statusFirstMatchWins() {
        let tasks = [
            // inconsistent beats error on the same server
            TaskRecord(
                taskID: "t1", sourceID: "a", sourceName: "alpha", directories: [Self.directory("/x", missing: 1)]),
            TaskRecord(
                taskID: "t2", sourceID: "a", sourceName: "alpha", error: TaskError(kind: .transport, message: "reset")),
            // error beats not verified
            TaskRecord(taskID: "t3", sourceID: "b", sourceName: "bravo"),
            TaskRecord(
                taskID: "t4", sourceID: "b", sourceName: "bravo",
                error: TaskError(kind: .http, message: "x", httpStatus: 404)),
            // not verified beats consistent
            TaskRecord(taskID: "t5", sourceID: "c", sourceName: "charlie", directories: [Self.directory("/y")]),
            TaskRecord(taskID: "t6", sourceID: "c", sourceName: "charlie"),
            TaskRecord(
                taskID: "t7", sourceID: "d", sourceName: "delta", finishedTime: 1_598_435_801_422,
                directories: [Self.directory("/z")]),
        ]
        let summary = ConsistencySummary(tasks: tasks)
        #expect(summary.servers.map(\.status) == [.inconsistent, .error, .notVerified, .consistent])
        #expect(summary.servers.map(\.sourceName) == ["alpha", "bravo", "charlie", "delta"])
        #expect(summary.servers[0].taskIDs == ["t1", "t2"])
        #expect(summary.servers[3].verifiedAt == Date(timeIntervalSince1970: 1_598_435_801))
        #expect(summary.servers[1].verifiedAt == nil)
        #expect(summary.totals.servers(.inconsistent) == 1)
        #expect(summary.totals.directoryCount == 3)
        #expect(summary.totals.failedTaskCount == 2)
        #expect(summary.failedTasks.map(\.task.taskID) == ["t2", "t4"])
    }

    @Test func keyFallsBackToNameAndSortsByNameThenTask() {
        let tasks = [
            TaskRecord(taskID: "t9", sourceID: "", sourceName: "same", directories: [Self.directory("/a")]),
            TaskRecord(taskID: "t1", sourceID: "id-1", sourceName: "same", directories: [Self.directory("/a")]),
            TaskRecord(taskID: "t2", sourceID: "", sourceName: "same", directories: [Self.directory("/b")]),
        ]
        let summary = ConsistencySummary(tasks: tasks)
        #expect(summary.servers.count == 2)
        #expect(summary.servers.map(\.taskIDs) == [["t1"], ["t9", "t2"]])
        #expect(summary.servers[1].key == "same")
        #expect(summary.servers[1].directoryCount == 2)
    }

    @Test func hostileFixtureDecodes() throws {
        let snapshot = try ResultsSnapshot(jsonData: Fixtures.data("hostile-results.json"))
        #expect(snapshot.tasks.count == 9)
        let summary = ConsistencySummary(tasks: snapshot.tasks)
        #expect(summary.totals.failedTaskCount == 2)
        let roundTrip = try ResultsSnapshot(jsonData: snapshot.jsonData())
        #expect(roundTrip.tasks == snapshot.tasks)
        #expect(roundTrip.run == snapshot.run)
    }
}

extension ConsistencySummaryTests {
    @Test func streamedJSONIsTheEncoderOutput() throws {
        let snapshot = try ResultsSnapshot(jsonData: Fixtures.data("hostile-results.json"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ReportTime.iso8601(date))
        }
        let whole = try JSONSerialization.jsonObject(with: encoder.encode(snapshot)) as? NSDictionary
        let streamed = try JSONSerialization.jsonObject(with: snapshot.jsonData()) as? NSDictionary
        #expect(whole != nil && whole == streamed)
        var empty = snapshot
        empty.tasks = []
        empty.exports = []
        let object = try JSONSerialization.jsonObject(with: empty.jsonData()) as? [String: Any]
        #expect((object?["tasks"] as? [Any])?.isEmpty == true)
        #expect(object?["schema_version"] as? Int == 1)
    }
}
