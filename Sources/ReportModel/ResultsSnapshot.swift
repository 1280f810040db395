import Foundation

/// Everything one run fetched: the contents of `results.json`, from which every report is rendered.
///
/// The schema is versioned (`schemaVersion`) and documented in `docs/results-json.md`; it never holds a secret.
public struct ResultsSnapshot: Codable, Sendable {
    /// The schema version this build writes and reads.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var run: RunMetadata
    /// One record per unique task, in manifest order.
    public var tasks: [TaskRecord]
    /// One record per export request (batch × language).
    public var exports: [ExportRecord]
    /// The manifest compared with the account's task list, with `--coverage` (SPEC 9); nil (and absent from the
    /// file) otherwise, so that files without it read as before.
    public var coverage: RunSummary.Coverage?

    public init(
        schemaVersion: Int = ResultsSnapshot.currentSchemaVersion,
        run: RunMetadata, tasks: [TaskRecord], exports: [ExportRecord] = [], coverage: RunSummary.Coverage? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.run = run
        self.tasks = tasks
        self.exports = exports
        self.coverage = coverage
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case run, tasks, exports, coverage
    }
}

/// Facts about the run that produced a snapshot, shown in report headers and footers.
public struct RunMetadata: Codable, Sendable, Hashable {
    public var toolVersion: String
    public var startedAt: Date
    public var finishedAt: Date
    /// The API host (no scheme, no credentials), e.g. `sms.ap-southeast-3.myhuaweicloud.com`.
    public var endpointHost: String
    /// Where the task list came from.
    public var manifest: ManifestInfo
    /// The languages exports were requested in.
    public var languages: [ReportLanguage]

    public init(
        toolVersion: String, startedAt: Date, finishedAt: Date, endpointHost: String,
        manifest: ManifestInfo, languages: [ReportLanguage]
    ) {
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.endpointHost = endpointHost
        self.manifest = manifest
        self.languages = languages
    }

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case endpointHost = "endpoint_host"
        case manifest, languages
    }
}

/// The manifest a run read: its display name (a file name, `-` for stdin, `discover`) and SHA-256 digest.
public struct ManifestInfo: Codable, Sendable, Hashable {
    public var name: String
    /// Lowercase hex SHA-256 of the manifest bytes (of the discovered task list for `--discover`).
    public var sha256: String
    public var taskCount: Int

    public init(name: String, sha256: String, taskCount: Int) {
        self.name = name
        self.sha256 = sha256
        self.taskCount = taskCount
    }

    enum CodingKeys: String, CodingKey {
        case name, sha256
        case taskCount = "task_count"
    }
}
