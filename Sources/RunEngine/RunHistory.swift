import Foundation
import History
import ReportModel

/// The history as one job sees it: the store, the run's scope, and whether this job records itself (`run`) or
/// only reads (`render --history`).
///
/// Never throws (SPEC 8.2): a file that is not a history database, is locked past the busy timeout, or lives in a
/// folder that cannot be made or written makes the history *unavailable*, a reason the engine turns into a
/// `history_unavailable` warning while the reports are written as usual.
public struct RunHistory: Sendable {
    /// How many runs the trend chart shows, this one included.
    public static let trendLength = 30

    public let scope: String
    public let records: Bool
    /// The open store, or why there is none.
    private let store: Result<HistoryStore, HistoryError>

    /// Opens the store at `file`; a failure is kept as the reason the history is unavailable.
    public init(file: URL, scope: String, records: Bool) {
        self.scope = scope
        self.records = records
        do {
            store = .success(try HistoryStore(file: file))
        } catch let error as HistoryError {
            store = .failure(error)
        } catch {
            store = .failure(HistoryError("\(file.path): \(error)"))
        }
    }

    /// The history at `location`, or one unavailable for the reason the location could not be found (no home).
    public init(location: Result<URL, HistoryError>, scope: String, records: Bool) {
        switch location {
        case .success(let file): self.init(file: file, scope: scope, records: records)
        case .failure(let error): self.init(unavailable: "\(error)", scope: scope, records: records)
        }
    }

    /// A history that cannot be used at all (e.g. no home folder to put the default file in).
    public init(unavailable reason: String, scope: String, records: Bool) {
        self.scope = scope
        self.records = records
        store = .failure(HistoryError(reason))
    }

    /// The previous run of the scope and the runs before it for the trend (for `render`, the runs that started
    /// before the snapshot's run), or why they cannot be read.
    public func view(runStartedAt: Date) -> HistoryView {
        do {
            let store = try store.get()
            let before = records ? nil : runStartedAt
            let previous = try store.previousRun(scope: scope, before: before)
            let earlier = try store.runs(scope: scope, before: before, limit: Self.trendLength - 1)
            return .available(previous: previous, earlier: earlier)
        } catch {
            return .unavailable("\(error)")
        }
    }

    /// Records the finished run when this job records; returns what `summary.json`'s `history` says.
    public func record(_ record: RecordedRun) -> RunSummary.HistoryState {
        guard records else { return RunSummary.HistoryState() }
        do {
            try store.get().record(record)
            return RunSummary.HistoryState(recorded: true)
        } catch {
            return RunSummary.HistoryState(recorded: false, error: "\(error)")
        }
    }
}

/// What the history says about a run before it is decided: nothing (off), the runs to compare with, or why it
/// could not be read.
public enum HistoryView: Sendable, Hashable {
    /// `--no-history`, or `render` without `--history`.
    case off
    /// The previous run of the scope (nil on its first run) and up to 29 earlier runs, newest first.
    case available(previous: RecordedRun?, earlier: [RecordedRun])
    /// The history could not be used; the reason names the file, never a secret.
    case unavailable(String)
}
