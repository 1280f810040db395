import Foundation
import ReportModel
import RunEngine
import Testing

/// `totals.stale` and `--fail-on stale` (SPEC 9): counted under the first report that sets `max_age`, at the
/// snapshot's start. The fixtures' verified servers finished 1,000,000 s (about 11.6 days) before it.
@Suite struct RunVerdictFreshnessTests {
    static func report(_ name: String, maxAge: TimeInterval?, zone: String = "UTC") -> ReportDefinition {
        ReportDefinition(
            name: name, language: .enUS, formats: [.csv], timeZone: ReportTimeZone(identifier: zone)!, maxAge: maxAge)
    }

    static func decide(
        _ reports: [ReportDefinition], failOn: Set<FailCondition> = [],
        tasks: [TaskRecord] = [RunVerdictTests.consistent, RunVerdictTests.inconsistent, RunVerdictTests.notVerified]
    ) -> RunVerdict {
        let now = RunVerdictTests.now
        return RunVerdict.decide(
            RunVerdict.Inputs(
                snapshot: RunVerdictTests.snapshot(tasks), reports: reports, policy: ReportPolicy(failOn: failOn),
                now: now, startedAt: now, finishedAt: now))
    }

    @Test func staleCountsServersWithDataUnderTheFirstReportThatSetsMaxAge() {
        // The first report has none; the second (7 days) makes both verified servers stale, not the unverified one.
        let verdict = Self.decide([
            Self.report("a", maxAge: nil), Self.report("b", maxAge: 7 * 86_400),
            Self.report("c", maxAge: 30 * 86_400),
        ])
        #expect(verdict.summary.totals.stale == 2)
        // The status is unchanged: staleness is a mark, not a status.
        #expect(verdict.summary.totals.byStatus["consistent"] == 1)
        #expect(verdict.summary.totals.byStatus["inconsistent"] == 1)
        #expect(verdict.exitCode == 0)
        #expect(
            Self.decide([Self.report("c", maxAge: 30 * 86_400), Self.report("b", maxAge: 60)])
                .summary.totals.stale == 0)
    }

    @Test func withoutMaxAgeStaleIsZeroAndFailOnStaleNeverHolds() {
        let verdict = Self.decide([Self.report("a", maxAge: nil)], failOn: [.stale])
        #expect(verdict.summary.totals.stale == 0)
        #expect(verdict.holding.isEmpty)
        #expect(verdict.exitCode == 0)
    }

    @Test func failOnStaleExits3WhenAServerIsStale() {
        let stale = Self.decide([Self.report("a", maxAge: 36 * 3600)], failOn: [.stale, .error])
        #expect(stale.holding == [.stale])
        #expect(stale.exitCode == 3)
        #expect(stale.summary.exitCode == 3)
        // Exactly max_age old is not older than it: fresh.
        let boundary = Self.decide([Self.report("a", maxAge: 1_000_000)], failOn: [.stale])
        #expect(boundary.summary.totals.stale == 0)
        #expect(boundary.exitCode == 0)
        // Missing results still win over a holding condition (exit 4).
        let failed = Self.decide(
            [Self.report("a", maxAge: 60)], failOn: [.stale],
            tasks: [RunVerdictTests.consistent, RunVerdictTests.failed])
        #expect(failed.holding == [.stale])
        #expect(failed.exitCode == 4)
    }

    @Test func staleIsInTheSummaryJSON() throws {
        let verdict = Self.decide([Self.report("a", maxAge: 3600)])
        let object = try JSONSerialization.jsonObject(with: verdict.summary.fileData()) as? [String: Any]
        let totals = try #require(object?["totals"] as? [String: Any])
        #expect(totals["stale"] as? Int == 2)
    }
}
