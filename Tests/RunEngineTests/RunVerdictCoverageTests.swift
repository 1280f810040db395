import Foundation
import ReportModel
import RunEngine
import Testing

/// `--coverage` in the verdict (SPEC 9): the snapshot's coverage reaches `summary.json`, and `--fail-on uncovered`
/// holds exactly when the manifest lacks some task of the account.
@Suite struct RunVerdictCoverageTests {
    static func decide(_ coverage: RunSummary.Coverage?, failOn: Set<FailCondition>) -> RunVerdict {
        var snapshot = RunVerdictTests.snapshot([RunVerdictTests.consistent])
        snapshot.coverage = coverage
        return RunVerdict.decide(
            RunVerdict.Inputs(
                snapshot: snapshot, reports: [ReportDefinition(name: "r", language: .enUS, formats: [.csv])],
                policy: ReportPolicy(failOn: failOn), now: RunVerdictTests.now, startedAt: RunVerdictTests.now,
                finishedAt: RunVerdictTests.now))
    }

    static let gap = RunSummary.Coverage(
        listed: 3, notInManifest: [.init(taskID: "t-x", sourceName: "forgotten", state: "MIGRATE_SUCCESS")],
        notListed: ["t-gone"])

    @Test func uncoveredHoldsWhenTheManifestLacksATask() {
        let verdict = Self.decide(Self.gap, failOn: [.uncovered])
        #expect(verdict.holding == [.uncovered])
        #expect(verdict.exitCode == 3)
        #expect(verdict.summary.coverage == Self.gap)
    }

    @Test func uncoveredDoesNotHoldForTasksOnlyTheManifestHas() {
        let onlyUnlisted = RunSummary.Coverage(listed: 1, notListed: ["t-gone"])
        let verdict = Self.decide(onlyUnlisted, failOn: [.uncovered])
        #expect(verdict.holding.isEmpty && verdict.exitCode == 0)
        #expect(verdict.summary.coverage == onlyUnlisted)
    }

    @Test func uncoveredNeverHoldsWithoutACoverageCheck() {
        let verdict = Self.decide(nil, failOn: Set(FailCondition.allCases).subtracting([.inconsistent]))
        #expect(verdict.holding.isEmpty && verdict.exitCode == 0)
        #expect(verdict.summary.coverage == nil)
    }

    @Test func aGapWithoutTheConditionOnlyReports() {
        let verdict = Self.decide(Self.gap, failOn: [])
        #expect(verdict.exitCode == 0 && verdict.summary.coverage?.notInManifest.count == 1)
    }

    @Test func theConditionParses() throws {
        #expect(try FailCondition.parse(["inconsistent,uncovered"]) == [.inconsistent, .uncovered])
        #expect(FailCondition.valueList.hasSuffix("uncovered"))
    }
}
