import Foundation
import ReportModel
import Testing

@Suite struct FailConditionTests {
    static func summary(_ tasks: [TaskRecord], waivers: [Waiver] = []) -> ConsistencySummary {
        ConsistencySummary(tasks: tasks, waivers: waivers, at: Date(timeIntervalSince1970: 1_800_000_000), in: .utc)
    }

    static let differing = DirectoryResult(path: "/x", counts: FileCounts(total: 1, different: 1))
    static let same = DirectoryResult(path: "/x", counts: FileCounts(total: 1))

    @Test func parsesCommaSeparatedAndRepeated() throws {
        #expect(
            try FailCondition.parse(["inconsistent,error", "not-verified", " expired-waiver "])
                == [.inconsistent, .error, .notVerified, .expiredWaiver])
        #expect(try FailCondition.parse(["NEW-INCONSISTENT"]) == [.newInconsistent])
        #expect(try FailCondition.parse(["stale,inconsistent"]) == [.stale, .inconsistent])
        let error = #expect(throws: FailCondition.UnknownValue.self) { try FailCondition.parse(["inconsistent,bogus"]) }
        #expect(error?.description.contains("'bogus'") == true)
        #expect(error?.description.contains("new-inconsistent") == true)
        #expect(throws: FailCondition.UnknownValue.self) { try FailCondition.parse(["inconsistent,"]) }
    }

    @Test func eachConditionHoldsOnlyWhenItsCaseIsThere() throws {
        let all = Set(FailCondition.allCases)
        let none = RunSummary.Changes()
        let clean = Self.summary([TaskRecord(taskID: "t", sourceID: "a", sourceName: "a", directories: [Self.same])])
        #expect(FailCondition.holding(all, summary: clean, changes: none).isEmpty)

        let inconsistent = Self.summary([
            TaskRecord(taskID: "t", sourceID: "a", sourceName: "a", directories: [Self.differing])
        ])
        #expect(FailCondition.holding(all, summary: inconsistent, changes: none) == [.inconsistent])
        #expect(FailCondition.holding([.error, .notVerified], summary: inconsistent, changes: none).isEmpty)

        let error = Self.summary([
            TaskRecord(taskID: "t", sourceID: "a", sourceName: "a", error: TaskError(kind: .transport, message: "x"))
        ])
        #expect(FailCondition.holding(all, summary: error, changes: none) == [.error])

        let notVerified = Self.summary([TaskRecord(taskID: "t", sourceID: "a", sourceName: "a")])
        #expect(FailCondition.holding(all, summary: notVerified, changes: none) == [.notVerified])

        var changes = RunSummary.Changes()
        changes.newlyInconsistent = ["a"]
        #expect(FailCondition.holding(all, summary: clean, changes: changes) == [.newInconsistent])
        #expect(FailCondition.holding([.inconsistent], summary: clean, changes: changes).isEmpty)

        let old = Waiver(id: "old", directory: try Glob("/x"), expires: CalendarDay(iso: "2020-01-01")!)
        let expired = Self.summary(
            [TaskRecord(taskID: "t", sourceID: "a", sourceName: "a", directories: [Self.same])], waivers: [old])
        #expect(FailCondition.holding(all, summary: expired, changes: none) == [.expiredWaiver])

        #expect(FailCondition.holding(all, summary: clean, changes: none, stale: 1) == [.stale])
        #expect(FailCondition.holding([.inconsistent], summary: clean, changes: none, stale: 3).isEmpty)
    }

    /// Accepted differences are not inconsistency: `--fail-on inconsistent` does not hold for them.
    @Test func acceptedDoesNotFailInconsistent() throws {
        let waiver = Waiver(id: "w", directory: try Glob("/x"), expires: CalendarDay(iso: "2099-12-31")!)
        let summary = Self.summary(
            [TaskRecord(taskID: "t", sourceID: "a", sourceName: "a", directories: [Self.differing])], waivers: [waiver])
        #expect(summary.servers[0].status == .accepted)
        #expect(
            FailCondition.holding(Set(FailCondition.allCases), summary: summary, changes: RunSummary.Changes()).isEmpty)
    }
}
