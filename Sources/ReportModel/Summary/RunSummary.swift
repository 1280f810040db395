import Foundation

/// The `summary.json` object (SPEC 7): what a run did, written last into its output folder and printed by
/// `--json` for every outcome, failures included.
///
/// Failed runs fill what was known before they stopped; `changes` and `waivers` are filled by the history and
/// waiver stages when those run, and stay empty otherwise.
public struct RunSummary: Sendable, Hashable {
    /// The schema version this build writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion = RunSummary.currentSchemaVersion
    public var toolVersion: String
    public var exitCode: Int
    /// What stopped the run (a message without secrets); nil when it ended normally.
    public var error: String?
    /// The run's history scope (SPEC 6): endpoint host plus manifest name, or `history_scope:`; retention
    /// (`keep:`) recognises a folder of the same scope by it. Nil when not known.
    public var scope: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    public var endpointHost: String?
    public var manifest: ManifestInfo?
    public var reports: [ReportDefinition]
    public var totals: Totals
    public var changes: Changes
    public var waivers: Waivers
    /// Every file of the run but `summary.json` and `SHA256SUMS`, sorted by path.
    public var files: [FileEntry]
    /// Side features that failed without costing the reports (SPEC 8.2), in the order they happened.
    public var warnings: [Warning] = []
    /// Whether this run was recorded in the history (SPEC 8.2).
    public var history = HistoryState()
    /// Where the credentials came from (`token`, `env`, `profile`, `ecs`; SPEC 8.1); nil when no API was called.
    public var credentialsSource: String?
    /// Run folders of the same scope deleted by `keep:` after this run was published (SPEC 8.5).
    public var pruned: [String] = []
    /// The manifest compared with the account's tasks, with `--coverage` (SPEC 9); nil otherwise.
    public var coverage: Coverage?

    public init(
        toolVersion: String, exitCode: Int = 0, error: String? = nil, startedAt: Date? = nil,
        finishedAt: Date? = nil, endpointHost: String? = nil, manifest: ManifestInfo? = nil,
        reports: [ReportDefinition] = [], totals: Totals = Totals(), changes: Changes = Changes(),
        waivers: Waivers = Waivers(), files: [FileEntry] = []
    ) {
        self.toolVersion = toolVersion
        self.exitCode = exitCode
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.endpointHost = endpointHost
        self.manifest = manifest
        self.reports = reports
        self.totals = totals
        self.changes = changes
        self.waivers = waivers
        self.files = files
    }

    /// Run-wide figures, as in the reports.
    public struct Totals: Sendable, Hashable, Encodable {
        public var servers = 0
        /// Servers per status, keyed by the status names of SPEC 7 (`inconsistent`, `not_verified`, …).
        public var byStatus: [String: Int] = Dictionary(uniqueKeysWithValues: Totals.statusKeys.map { ($0, 0) })
        public var directories = 0
        public var totalFiles = 0
        public var different = 0
        public var missing = 0
        public var extra = 0
        /// Servers whose latest verification is older than `max_age` or unknown (SPEC 9); 0 without `max_age`.
        public var stale = 0

        enum CodingKeys: String, CodingKey {
            case servers
            case byStatus = "by_status"
            case directories
            case totalFiles = "total_files"
            case different, missing, extra, stale
        }

        /// The status keys SPEC 7 lists, always present (0 when no server has that status).
        public static let statusKeys = ["inconsistent", "error", "not_verified", "accepted", "consistent"]

        public init() {}

        /// The totals of an aggregate.
        public init(_ totals: ConsistencySummary.Totals) {
            servers = totals.serverCount
            for (status, count) in totals.serversByStatus { byStatus[status.rawValue, default: 0] += count }
            directories = totals.directoryCount
            totalFiles = totals.counts.total
            different = totals.counts.different
            missing = totals.counts.missingOnTarget
            extra = totals.counts.extraOnTarget
        }
    }

    /// Per-server changes since the previous run of the same scope (SPEC 6); empty without history.
    public struct Changes: Sendable, Hashable {
        public var previousRun: Date?
        public var newlyInconsistent: [String] = []
        public var resolved: [String] = []
        public var newlyVerified: [String] = []
        public var newServers: [String] = []
        public var gone: [String] = []
        /// Each server inconsistent now and how many runs in a row it has been so.
        public var stillInconsistent: [Streak] = []

        public init() {}

        /// A still-inconsistent server (its key) and its run count.
        public struct Streak: Sendable, Hashable, Encodable {
            public var server: String
            public var runs: Int

            public init(server: String, runs: Int) {
                self.server = server
                self.runs = runs
            }
        }
    }

    /// What the accepted-differences file did (SPEC 6); empty without waivers.
    public struct Waivers: Sendable, Hashable, Encodable {
        public var applied = 0
        public var expired: [String] = []
        public var unused: [String] = []

        public init() {}
    }

    /// One file of the run: its path relative to the output folder, size and SHA-256 (lowercase hex).
    public struct FileEntry: Sendable, Hashable, Encodable {
        public var path: String
        public var bytes: Int
        public var sha256: String

        public init(path: String, bytes: Int, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }
}
