import Foundation

/// What changed since the previous run of the same scope (SPEC 6), and the scope's trend: what every report
/// shows in its changes section and `summary.json` carries.
///
/// Built by ``RunChanges/between(previous:current:trend:)``, a pure function of two records.
public struct RunChanges: Sendable, Hashable {
    /// When the previous run started; nil on the first run of a scope (nothing to compare with).
    public var previousRun: Date?
    /// Was not inconsistent, is now (servers in both runs).
    public var newlyInconsistent: [Change] = []
    /// Was inconsistent or error, is now consistent or accepted.
    public var resolved: [Change] = []
    /// Was not verified (not verified or error), is now verified.
    public var newlyVerified: [Change] = []
    /// In this run, not in the previous one.
    public var newServers: [Change] = []
    /// In the previous run, not in this one.
    public var gone: [Change] = []
    /// Every server inconsistent now, with how many runs in a row it has been so (longest first).
    public var stillInconsistent: [Streak] = []
    /// The statuses of the scope's latest runs, oldest first, this run last.
    public var trend: [TrendPoint] = []

    /// Why the history could not be used (SPEC 8.2); the changes section says so instead of listing changes.
    public var unavailable: String?

    public init(previousRun: Date? = nil, trend: [TrendPoint] = []) {
        self.previousRun = previousRun
        self.trend = trend
    }

    /// No comparison: the history could not be used, for `reason` (it names the file, never a secret).
    public init(unavailable reason: String) {
        self.unavailable = reason
    }

    /// True when there is a previous run to compare with.
    public var hasPrevious: Bool { previousRun != nil }

    /// Every server that appears in some list of changes (still-inconsistent ones aside), by key, once.
    public var changedServers: [Change] {
        var seen: Set<String> = []
        return (newlyInconsistent + resolved + newlyVerified + newServers + gone).filter {
            seen.insert($0.key).inserted
        }
    }

    /// One server's change: its key, name and status before and after (nil where it was not in that run).
    public struct Change: Sendable, Hashable {
        public var key: String
        public var name: String
        public var before: String?
        public var after: String?

        public init(key: String, name: String, before: String?, after: String?) {
            self.key = key
            self.name = name
            self.before = before
            self.after = after
        }
    }

    /// A still-inconsistent server and the number of runs in a row it has been inconsistent.
    public struct Streak: Sendable, Hashable {
        public var key: String
        public var name: String
        public var runs: Int

        public init(key: String, name: String, runs: Int) {
            self.key = key
            self.name = name
            self.runs = runs
        }
    }

    /// One run of the trend: when it started and its servers per status (SPEC 7 status names).
    public struct TrendPoint: Sendable, Hashable {
        public var startedAt: Date
        public var byStatus: [String: Int]

        public init(startedAt: Date, byStatus: [String: Int]) {
            self.startedAt = startedAt
            self.byStatus = byStatus
        }

        /// The trend point of a recorded run.
        public init(_ run: RecordedRun) {
            self.init(startedAt: run.startedAt, byStatus: run.totals.byStatus)
        }
    }
}

extension RunChanges {
    /// The statuses that count as verified: the server's results were obtained and compared.
    static let verified: Set<String> = ["inconsistent", "consistent", "accepted"]
    /// The statuses a fixed server ends in.
    static let fixed: Set<String> = ["consistent", "accepted"]
    /// The statuses a fixed server comes from.
    static let broken: Set<String> = ["inconsistent", "error"]

    /// The changes from `previous` to `current`; with no previous run, only the still-inconsistent streaks and
    /// the trend (nothing to compare with). Lists are sorted by key.
    public static func between(previous: RecordedRun?, current: RecordedRun, trend: [TrendPoint] = []) -> RunChanges {
        var changes = RunChanges(previousRun: previous?.startedAt, trend: trend)
        changes.stillInconsistent = current.servers.filter { $0.status == "inconsistent" }
            .map { Streak(key: $0.key, name: $0.name, runs: max($0.inconsistentRuns, 1)) }
            .sorted { ($0.runs, $1.key) > ($1.runs, $0.key) }
        guard let previous else { return changes }
        let before = Dictionary(previous.servers.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(current.servers.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for server in current.servers {
            guard let old = before[server.key] else {
                changes.newServers.append(Change(key: server.key, name: server.name, before: nil, after: server.status))
                continue
            }
            let change = Change(key: server.key, name: server.name, before: old.status, after: server.status)
            if server.status == "inconsistent" && old.status != "inconsistent" {
                changes.newlyInconsistent.append(change)
            }
            if broken.contains(old.status) && fixed.contains(server.status) { changes.resolved.append(change) }
            if !verified.contains(old.status) && verified.contains(server.status) {
                changes.newlyVerified.append(change)
            }
        }
        for old in previous.servers where now[old.key] == nil {
            changes.gone.append(Change(key: old.key, name: old.name, before: old.status, after: nil))
        }
        return changes
    }

    /// The `summary.json` form (server keys only).
    public var summary: RunSummary.Changes {
        var out = RunSummary.Changes()
        out.previousRun = previousRun
        out.newlyInconsistent = newlyInconsistent.map(\.key)
        out.resolved = resolved.map(\.key)
        out.newlyVerified = newlyVerified.map(\.key)
        out.newServers = newServers.map(\.key)
        out.gone = gone.map(\.key)
        out.stillInconsistent = stillInconsistent.map { .init(server: $0.key, runs: $0.runs) }
        return out
    }
}
