import Foundation
import ReportModel
import RunEngine
import Testing

/// The exit-code rules of docs/exit-codes.md and the `--fail-on` conditions, decided from values alone: one test
/// per row of the exit-code table that the verdict decides, one per condition.
@Suite struct RunVerdictTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func directory(_ path: String, different: Int = 0, missing: Int = 0) -> DirectoryResult {
        DirectoryResult(path: path, counts: FileCounts(total: 10, different: different, missingOnTarget: missing))
    }

    static let consistent = TaskRecord(
        taskID: "t-ok", sourceID: "s-ok", sourceName: "ok", finishedTime: 1_789_000_000_000,
        directories: [directory("/srv")])
    static let inconsistent = TaskRecord(
        taskID: "t-bad", sourceID: "s-bad", sourceName: "bad", finishedTime: 1_789_000_000_000,
        directories: [directory("/var/log", different: 2)])
    static let notVerified = TaskRecord(taskID: "t-nv", sourceID: "s-nv", sourceName: "nv")
    static let failed = TaskRecord(
        taskID: "t-err", sourceID: "s-err", sourceName: "err",
        error: TaskError(kind: .http, message: "gone", httpStatus: 404))

    static func snapshot(_ tasks: [TaskRecord], failedExport: Bool = false) -> ResultsSnapshot {
        let exports =
            failedExport
            ? [
                ExportRecord(
                    batch: 1, taskCount: tasks.count, requestedLanguage: .enUS, language: nil, file: nil,
                    contentType: nil, byteCount: 0, error: TaskError(kind: .http, message: "busy", httpStatus: 503))
            ] : []
        return ResultsSnapshot(
            run: RunMetadata(
                toolVersion: "t", startedAt: now, finishedAt: now, endpointHost: "sms.example",
                manifest: ManifestInfo(name: "m.csv", sha256: "00", taskCount: tasks.count), languages: [.enUS]),
            tasks: tasks, exports: exports)
    }

    static func decide(
        _ tasks: [TaskRecord], failedExport: Bool = false, failOn: Set<FailCondition> = [], waivers: [Waiver] = [],
        history: HistoryView = .off
    ) -> RunVerdict {
        RunVerdict.decide(
            RunVerdict.Inputs(
                snapshot: snapshot(tasks, failedExport: failedExport),
                reports: [ReportDefinition(name: "r", language: .enUS, formats: [.csv])],
                policy: ReportPolicy(waivers: waivers, failOn: failOn), history: history, scope: "s", now: now,
                startedAt: now, finishedAt: now))
    }

    // MARK: docs/exit-codes.md, one row each

    @Test func exit0WhenEveryResultWasObtained() {
        let verdict = Self.decide([Self.consistent, Self.inconsistent, Self.notVerified])
        #expect(verdict.exitCode == 0)
        #expect(verdict.summary.exitCode == 0)
        #expect(verdict.summary.error == nil)
    }

    @Test func exit3WhenAFailOnConditionHolds() {
        let verdict = Self.decide([Self.consistent, Self.inconsistent], failOn: [.inconsistent])
        #expect(verdict.exitCode == 3)
        #expect(verdict.holding == [.inconsistent])
    }

    @Test func exit4WhenATaskHasNoResults() {
        #expect(Self.decide([Self.consistent, Self.failed]).exitCode == 4)
    }

    @Test func exit4WhenAnExportBatchFailed() {
        #expect(Self.decide([Self.consistent], failedExport: true).exitCode == 4)
    }

    @Test func exit4WinsOverExit3() {
        let verdict = Self.decide([Self.inconsistent, Self.failed], failOn: [.inconsistent, .error])
        #expect(verdict.exitCode == 4)
        #expect(verdict.holding == [.inconsistent, .error])
    }

    // MARK: --fail-on, one condition each (held and not held)

    @Test(arguments: [
        (FailCondition.inconsistent, [inconsistent], [consistent]),
        (.error, [failed, consistent], [consistent]),
        (.notVerified, [notVerified], [consistent]),
    ])
    func conditionHoldsOnlyWhenItsServersExist(condition: FailCondition, holds: [TaskRecord], clear: [TaskRecord]) {
        #expect(Self.decide(holds, failOn: [condition]).holding == [condition])
        #expect(Self.decide(clear, failOn: [condition]).holding.isEmpty)
        #expect(Self.decide(clear, failOn: [condition]).exitCode == 0)
    }

    @Test func newInconsistentNeedsAPreviousRunWhereTheServerWasNot() {
        let previous = RecordedRun(
            scope: "s", startedAt: Self.now - 86_400, finishedAt: Self.now - 86_000, toolVersion: "t",
            manifestSHA256: nil, exitCode: 0, totals: RunSummary.Totals(),
            servers: [
                .init(key: "s-bad", name: "bad", status: "consistent", inconsistentRuns: 0),
                .init(key: "s-ok", name: "ok", status: "consistent", inconsistentRuns: 0),
            ])
        let newly = Self.decide(
            [Self.consistent, Self.inconsistent], failOn: [.newInconsistent],
            history: .available(previous: previous, earlier: [previous]))
        #expect(newly.exitCode == 3)
        #expect(newly.summary.changes.newlyInconsistent == ["s-bad"])
        #expect(newly.record?.exitCode == 3)
        // The first run of a scope has nothing to compare with: the condition does not hold.
        let first = Self.decide(
            [Self.consistent, Self.inconsistent], failOn: [.newInconsistent],
            history: .available(previous: nil, earlier: []))
        #expect(first.exitCode == 0)
    }

    @Test func expiredWaiverHoldsAfterItsDayInTheReportsZone() throws {
        let expired = Waiver(
            id: "old", directory: try Glob("/var/log*"), expires: CalendarDay(year: 2020, month: 1, day: 1)!)
        let current = Waiver(
            id: "new", directory: try Glob("/var/log*"), expires: CalendarDay(year: 2099, month: 1, day: 1)!)
        let verdict = Self.decide([Self.inconsistent], failOn: [.expiredWaiver], waivers: [expired])
        #expect(verdict.exitCode == 3)
        #expect(verdict.summary.waivers.expired == ["old"])
        let fine = Self.decide([Self.inconsistent], failOn: [.expiredWaiver, .inconsistent], waivers: [current])
        #expect(fine.exitCode == 0)
        #expect(fine.headline.totals.servers(.accepted) == 1)
    }

    // MARK: SPEC 8.2: history that cannot be used is a warning, never a changed exit code

    @Test func unavailableHistoryIsAWarningAndLeavesTheExitCode() {
        let verdict = Self.decide(
            [Self.consistent, Self.inconsistent], failOn: [.newInconsistent],
            history: .unavailable("/h/history.sqlite: file is not a database"))
        #expect(verdict.exitCode == 0)
        #expect(verdict.summary.warnings.map(\.code) == [.historyUnavailable])
        #expect(verdict.summary.warnings[0].message.contains("--fail-on new-inconsistent cannot hold"))
        #expect(
            verdict.summary.history
                == RunSummary.HistoryState(recorded: false, error: "/h/history.sqlite: file is not a database"))
        #expect(verdict.changes?.unavailable == "/h/history.sqlite: file is not a database")
        #expect(verdict.record == nil)
    }

    @Test func eachTimeZoneGetsOneAggregate() {
        let verdict = RunVerdict.decide(
            RunVerdict.Inputs(
                snapshot: Self.snapshot([Self.consistent]),
                reports: [
                    ReportDefinition(name: "a", language: .enUS, formats: [.csv]),
                    ReportDefinition(name: "b", language: .zhCN, formats: [.csv]),
                ],
                policy: ReportPolicy(), now: Self.now, startedAt: Self.now, finishedAt: Self.now))
        #expect(verdict.aggregates.count == 1)
        #expect(verdict.summary.totals.servers == 1)
    }
}
