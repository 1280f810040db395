import Foundation

/// One run as the history keeps it: when, for which scope, how it ended, and each server's status and counts.
///
/// A pure value: the History library stores and reads it, ``RunChanges`` compares two of them.
public struct RecordedRun: Sendable, Hashable {
    public var scope: String
    public var startedAt: Date
    public var finishedAt: Date
    public var toolVersion: String
    /// The manifest's SHA-256 (lowercase hex); nil for a discovery run without a manifest file.
    public var manifestSHA256: String?
    public var exitCode: Int
    public var totals: RunSummary.Totals
    /// Sorted by key.
    public var servers: [Server]

    public init(
        scope: String, startedAt: Date, finishedAt: Date, toolVersion: String, manifestSHA256: String?,
        exitCode: Int, totals: RunSummary.Totals, servers: [Server]
    ) {
        self.scope = scope
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.toolVersion = toolVersion
        self.manifestSHA256 = manifestSHA256
        self.exitCode = exitCode
        self.totals = totals
        self.servers = servers.sorted { $0.key < $1.key }
    }

    /// One server of a recorded run.
    public struct Server: Sendable, Hashable {
        /// The aggregation key (SPEC 5).
        public var key: String
        public var name: String
        /// The status's SPEC 7 name (`inconsistent`, `accepted`, …), kept as text so that a status a later
        /// build adds still reads back.
        public var status: String
        /// How many runs in a row, this one included, the server has been inconsistent (0 when it is not).
        public var inconsistentRuns: Int
        public var directories: Int
        public var totalFiles: Int
        public var different: Int
        public var missing: Int
        public var extra: Int

        public init(
            key: String, name: String, status: String, inconsistentRuns: Int, directories: Int = 0,
            totalFiles: Int = 0, different: Int = 0, missing: Int = 0, extra: Int = 0
        ) {
            self.key = key
            self.name = name
            self.status = status
            self.inconsistentRuns = inconsistentRuns
            self.directories = directories
            self.totalFiles = totalFiles
            self.different = different
            self.missing = missing
            self.extra = extra
        }
    }
}

extension RecordedRun {
    /// The record of a finished run: its servers from the aggregate, each inconsistent streak continued from
    /// `previous` (the latest run of the same scope), so that the streak never needs more than two records.
    public init(
        scope: String, summary: RunSummary, aggregate: ConsistencySummary, previous: RecordedRun?, now: Date
    ) {
        let earlier = Dictionary(
            (previous?.servers ?? []).map { ($0.key, $0.inconsistentRuns) }, uniquingKeysWith: { first, _ in first })
        let servers = aggregate.servers.map { server in
            let inconsistent = server.status == .inconsistent
            return Server(
                key: server.key, name: server.sourceName, status: server.status.rawValue,
                inconsistentRuns: inconsistent ? (earlier[server.key] ?? 0) + 1 : 0,
                directories: server.directoryCount, totalFiles: server.counts.total,
                different: server.counts.different, missing: server.counts.missingOnTarget,
                extra: server.counts.extraOnTarget)
        }
        self.init(
            scope: scope, startedAt: summary.startedAt ?? now, finishedAt: summary.finishedAt ?? now,
            toolVersion: summary.toolVersion, manifestSHA256: summary.manifest?.sha256, exitCode: summary.exitCode,
            totals: summary.totals, servers: servers)
    }

    /// The scope of SPEC 6: `history_scope` when given, else the endpoint host plus the manifest name, or plus
    /// `discover` (and the state) for a discovery run.
    public static func scope(
        override: String?, endpointHost: String, manifestName: String?, discoverState: String?, discovered: Bool
    ) -> String {
        if let override, !override.isEmpty { return override }
        if discovered { return "\(endpointHost) discover" + (discoverState.map { ":\($0)" } ?? "") }
        return "\(endpointHost) \(manifestName ?? "-")"
    }
}
