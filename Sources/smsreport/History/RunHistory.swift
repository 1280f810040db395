import Foundation
import History
import Logging
import ReportModel

/// The history as one job sees it: the store, the run's scope, and whether this job records itself (`run`)
/// or only reads (`render --history`).
struct RunHistory: Sendable {
    /// How many runs the trend chart shows, this one included.
    static let trendLength = 30

    let store: HistoryStore
    let scope: String
    let records: Bool

    /// Opens the store; a file that cannot be used stops the command before any request (exit 1).
    init(file: URL, scope: String, records: Bool) throws {
        store = try HistoryStore(file: file)
        self.scope = scope
        self.records = records
    }

    /// The run's record and its changes since the previous run of the scope (for `render`, the latest run
    /// that started before the snapshot's run).
    func changes(
        summary: RunSummary, aggregate: ConsistencySummary, runStartedAt: Date
    ) throws -> (record: RecordedRun, changes: RunChanges) {
        let previous = try store.previousRun(scope: scope, before: records ? nil : runStartedAt)
        let record = RecordedRun(scope: scope, summary: summary, aggregate: aggregate, previous: previous, now: Date())
        let earlier = try store.runs(scope: scope, before: records ? nil : runStartedAt, limit: Self.trendLength - 1)
        let trend = (earlier.reversed() + [record]).map(RunChanges.TrendPoint.init)
        return (record, RunChanges.between(previous: previous, current: record, trend: trend))
    }

    /// Records the finished run when this job records; a failure is logged, the published reports stand.
    func record(_ record: RecordedRun, exitCode: Int, logger: Logger) {
        guard records else { return }
        var record = record
        record.exitCode = exitCode
        do {
            try store.record(record)
        } catch {
            logger.warning("run not recorded in the history", metadata: ["error": "\(error)"])
        }
    }
}
