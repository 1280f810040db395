import Foundation
import ReportModel

/// What a run's results mean: every report's aggregate (one per time zone), the changes since the previous run,
/// the exit code and the `summary.json` object that says so (SPEC 4, 6, 7, 8.2).
///
/// A pure function of values (``decide(_:)``): the snapshot, the reports, the policy, the history's view and the
/// clock. No disk, no network, so each rule is unit-tested on its own.
public struct RunVerdict: Sendable {
    /// One aggregate per time zone that some report uses (waiver expiry is the only thing a zone changes).
    public let aggregates: [ReportTimeZone: ConsistencySummary]
    /// The first report's zone: its aggregate gives the run's own figures (summary.json, history, exit code).
    public let headlineZone: ReportTimeZone
    /// The changes every report shows; nil without history, with `unavailable` set when it could not be read.
    public let changes: RunChanges?
    /// The run as the history will record it; nil when there is no history to record into.
    public let record: RecordedRun?
    /// `summary.json` without its `files` (publishing adds them): totals, changes, waivers, exit code, warnings.
    public var summary: RunSummary
    /// The `--fail-on` conditions that hold, in their documented order.
    public let holding: [FailCondition]
    /// The previous run's exit code (for `notify:`'s `changes`); nil without one.
    public var previousExitCode: Int? = nil

    /// The run's exit code (SPEC 4).
    public var exitCode: Int32 { Int32(summary.exitCode) }

    /// The first report's aggregate.
    public var headline: ConsistencySummary { aggregates[headlineZone]! }

    /// The aggregate a report in `zone` shows.
    public func aggregate(in zone: ReportTimeZone) -> ConsistencySummary { aggregates[zone] ?? headline }

    /// Everything a verdict is decided from.
    public struct Inputs: Sendable {
        public var snapshot: ResultsSnapshot
        public var reports: [ReportDefinition]
        public var policy: ReportPolicy
        public var history: HistoryView
        public var scope: String?
        /// "Today" for waiver expiry: the generation time (`SOURCE_DATE_EPOCH` when set).
        public var now: Date
        /// The run's time stamps as `summary.json` shows them.
        public var startedAt: Date
        public var finishedAt: Date
        public var toolVersion: String

        public init(
            snapshot: ResultsSnapshot, reports: [ReportDefinition], policy: ReportPolicy, history: HistoryView = .off,
            scope: String? = nil, now: Date, startedAt: Date, finishedAt: Date,
            toolVersion: String = ToolVersion.current
        ) {
            self.snapshot = snapshot
            self.reports = reports
            self.policy = policy
            self.history = history
            self.scope = scope
            self.now = now
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.toolVersion = toolVersion
        }
    }

    /// Decides the run: aggregates, changes, the `--fail-on` conditions and the exit code, and the summary.
    public static func decide(_ inputs: Inputs) -> RunVerdict {
        let headlineZone = inputs.reports.first?.timeZone ?? .utc
        var aggregates: [ReportTimeZone: ConsistencySummary] = [:]
        for zone in [headlineZone] + inputs.reports.map(\.timeZone) where aggregates[zone] == nil {
            aggregates[zone] = inputs.policy.aggregate(inputs.snapshot.tasks, in: zone, at: inputs.now)
        }
        let headline = aggregates[headlineZone]!
        let snapshot = inputs.snapshot
        var summary = RunSummary(
            toolVersion: inputs.toolVersion, startedAt: inputs.startedAt, finishedAt: inputs.finishedAt,
            endpointHost: snapshot.run.endpointHost, manifest: snapshot.run.manifest, reports: inputs.reports,
            totals: RunSummary.Totals(headline.totals), waivers: RunSummary.Waivers(headline.waivers))
        summary.scope = inputs.scope
        summary.totals.stale = staleCount(inputs.reports, aggregates: aggregates, at: snapshot.run.startedAt)
        summary.coverage = snapshot.coverage
        var changes: RunChanges?
        var record: RecordedRun?
        var previousExitCode: Int?
        switch inputs.history {
        case .off:
            break
        case .available(let previous, let earlier):
            previousExitCode = previous?.exitCode
            let current = RecordedRun(
                scope: inputs.scope ?? "", summary: summary, aggregate: headline, previous: previous,
                now: inputs.finishedAt)
            let trend = (earlier.reversed() + [current]).map(RunChanges.TrendPoint.init)
            changes = RunChanges.between(previous: previous, current: current, trend: trend)
            summary.changes = changes!.summary
            record = current
        case .unavailable(let reason):
            changes = RunChanges(unavailable: reason)
            var message = "history unavailable: \(reason); this run is neither compared with nor recorded in it"
            if inputs.policy.failOn.contains(.newInconsistent) {
                message += " (--fail-on new-inconsistent cannot hold without it)"
            }
            summary.warnings.append(.init(.historyUnavailable, message))
            summary.history = .init(recorded: false, error: reason)
        }
        // The exit code comes after the changes: `--fail-on new-inconsistent` reads them.
        let holding = FailCondition.holding(
            inputs.policy.failOn, summary: headline, changes: summary.changes, stale: summary.totals.stale,
            coverage: snapshot.coverage)
        summary.exitCode = Int(exitCode(headline, snapshot: snapshot, holding: holding))
        record?.exitCode = summary.exitCode
        return RunVerdict(
            aggregates: aggregates, headlineZone: headlineZone, changes: changes, record: record, summary: summary,
            holding: holding, previousExitCode: previousExitCode)
    }

    /// `totals.stale` (SPEC 9): the stale servers under the first report that sets `max_age`, judged at the
    /// snapshot's start (the run's start; for `render`, its `started_at`) like the reports; 0 when none sets it.
    public static func staleCount(
        _ reports: [ReportDefinition], aggregates: [ReportTimeZone: ConsistencySummary], at start: Date
    ) -> Int {
        guard let report = reports.first(where: { $0.maxAge != nil }), let maxAge = report.maxAge,
            let aggregate = aggregates[report.timeZone]
        else { return 0 }
        return aggregate.staleCount(maxAge: maxAge, at: start)
    }

    /// SPEC 4 and 6: 4 when results or export batches are missing (wins over 3), 3 when a `--fail-on` condition
    /// holds, else 0.
    public static func exitCode(
        _ aggregate: ConsistencySummary, snapshot: ResultsSnapshot, holding: [FailCondition]
    ) -> Int32 {
        if aggregate.totals.failedTaskCount > 0 || snapshot.exports.contains(where: { $0.error != nil }) { return 4 }
        return holding.isEmpty ? 0 : 3
    }
}
