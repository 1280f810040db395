import Notify
import ReportModel
import Testing

/// SPEC 8.3's four conditions over two nights: the first with problems, the second all fixed.
@Suite struct ConditionTests {
    /// Night one: exit 4, servers inconsistent, one newly so.
    private var nightOne: RunSummary { NotifyFixtures.summary(exitCode: 4) }

    /// Night two: exit 0, every server consistent, the inconsistent ones resolved.
    private var nightTwo: RunSummary {
        var summary = NotifyFixtures.summary(exitCode: 0)
        summary.totals.byStatus = ["inconsistent": 0, "error": 0, "not_verified": 0, "accepted": 4, "consistent": 26]
        summary.changes.newlyInconsistent = []
        summary.changes.resolved = ["srv-1", "srv-2"]
        return summary
    }

    /// Night three: like night two, nothing changed.
    private var nightThree: RunSummary {
        var summary = nightTwo
        summary.changes.resolved = []
        return summary
    }

    @Test func always() {
        #expect(NotificationEntry.Condition.always.holds(for: nightThree, previousExitCode: 0))
    }

    @Test func problems() {
        #expect(NotificationEntry.Condition.problems.holds(for: nightOne, previousExitCode: nil))
        #expect(!NotificationEntry.Condition.problems.holds(for: nightTwo, previousExitCode: 4))
        var exitOnly = nightThree
        exitOnly.exitCode = 3
        #expect(NotificationEntry.Condition.problems.holds(for: exitOnly, previousExitCode: 0))
        var notVerified = nightThree
        notVerified.totals.byStatus["not_verified"] = 1
        #expect(NotificationEntry.Condition.problems.holds(for: notVerified, previousExitCode: 0))
    }

    @Test func changes() {
        #expect(NotificationEntry.Condition.changes.holds(for: nightOne, previousExitCode: 0))
        #expect(NotificationEntry.Condition.changes.holds(for: nightTwo, previousExitCode: 4))
        #expect(!NotificationEntry.Condition.changes.holds(for: nightThree, previousExitCode: 0))
        // The exit code alone changed: 0 before, 4 now, with no server change.
        var exitChanged = nightThree
        exitChanged.exitCode = 4
        #expect(NotificationEntry.Condition.changes.holds(for: exitChanged, previousExitCode: 0))
        #expect(!NotificationEntry.Condition.changes.holds(for: exitChanged, previousExitCode: 4))
        var gone = nightThree
        gone.changes.gone = ["srv-9"]
        #expect(NotificationEntry.Condition.changes.holds(for: gone, previousExitCode: 0))
    }

    @Test(arguments: [(0, false), (1, true), (3, false), (4, true), (130, true), (143, true)])
    func failure(exitCode: Int, holds: Bool) {
        var summary = nightThree
        summary.exitCode = exitCode
        #expect(NotificationEntry.Condition.failure.holds(for: summary, previousExitCode: nil) == holds)
    }

    @Test(arguments: NotificationEntry.Condition.allCases)
    func aUsageErrorNotifiesNobody(condition: NotificationEntry.Condition) {
        var summary = nightOne
        summary.exitCode = 2
        #expect(!condition.holds(for: summary, previousExitCode: 0))
    }
}
