import Foundation
import ReportModel
import SMSAPI
import Yams

/// The settings file (`--config smsreport.yaml`): endpoint, request limits and the reports to produce.
///
/// Unknown keys are errors, so a typo in a cron job's config is found on the first run, not never.
public struct ReportConfiguration: Sendable, Hashable {
    public var endpoint: String?
    public var region: String?
    /// `credentials:`, one of `auto`, `token`, `env`, `profile`, `ecs` (SPEC 8.1); `--credentials` wins.
    public var credentials: CredentialsMode?
    public var concurrency: Int?
    public var rate: Double?
    public var retries: Int?
    public var batchSize: Int?
    public var reports: [ReportDefinition]
    /// The accepted differences (`waivers:`, SPEC 6).
    public var waivers: [Waiver] = []
    /// The `--fail-on` conditions of `fail_on:`; nil when the key is absent.
    public var failOn: Set<FailCondition>?
    /// `history:`, the history database file (SPEC 6).
    public var history: String?
    /// `history_scope:`, the scope that replaces endpoint host plus manifest name (SPEC 6).
    public var historyScope: String?
    /// `out:`, the output folder when `--out` is not given (SPEC 8.5); may hold `{date}` and `{time}`.
    public var out: String?
    /// `keep:`, how many run folders of the scope stay beside `out` after publishing (SPEC 8.5).
    public var keep: Int?
    /// `sign_key:`, the OpenSSH Ed25519 private key that signs `SHA256SUMS` (SPEC 9); `--sign-key` wins.
    public var signKey: String?
    /// `bundle_max_mb:`, the evidence bundle size (MiB, may be fractional) over which a run warns (SPEC 9).
    public var bundleMaxMB: Double?
    /// `pdf_timeout:`, the seconds Chromium may take to print one PDF (SPEC 8.2); `--pdf-timeout` wins.
    public var pdfTimeout: Int?
    /// `manifest:`, the task manifest of a whole job (SPEC 8.5), relative to the config file's folder.
    public var manifest: String?
    /// `discover: true`, list the account's tasks instead (SPEC 8.5), with `state:`.
    public var discover: Bool?
    /// `state:`, the task state `discover:` lists.
    public var state: String?
    /// `coverage: true`, compare the manifest with the account's task list (SPEC 9); `--coverage` also turns it on.
    public var coverage: Bool?
    /// `timeout:`, seconds for one attempt (`--timeout` wins).
    public var timeout: Double?
    /// `deadline:`, seconds for the whole run (`--deadline` wins).
    public var deadline: Double?
    /// The seconds `pdf_timeout:` and `--pdf-timeout` accept.
    public static let pdfTimeoutRange = 1...86_400
    /// `notify:`, where a run's message goes (SPEC 8.3).
    public var notify: [NotificationEntry] = []
    /// `report_url:`, where the output folders are served (SPEC 8.3).
    public var reportURL: String?
    /// `metrics_file:`, the Prometheus textfile (SPEC 8.4).
    public var metricsFile: String?
    /// `ping_url:`, the healthchecks-style ping URL (SPEC 8.4; a secret).
    public var pingURL: String?

    public init(
        endpoint: String? = nil, region: String? = nil, concurrency: Int? = nil, rate: Double? = nil,
        retries: Int? = nil, batchSize: Int? = nil, reports: [ReportDefinition] = []
    ) {
        self.endpoint = endpoint
        self.region = region
        self.concurrency = concurrency
        self.rate = rate
        self.retries = retries
        self.batchSize = batchSize
        self.reports = reports
    }

    /// The largest `keep:`: ten years of nightly folders.
    public static let maximumKeep = 3650

    static let topLevelKeys: Set<String> = [
        "endpoint", "region", "credentials", "concurrency", "rate", "retries", "batch_size", "reports", "waivers",
        "fail_on", "history", "history_scope", "out", "keep", "sign_key", "bundle_max_mb",
        "pdf_timeout", "notify", "report_url", "metrics_file", "ping_url",
        "manifest", "discover", "state", "timeout", "deadline", "coverage",
    ]
    static let reportKeys: Set<String> = [
        "name", "language", "formats", "title", "timezone", "customer", "project", "reference", "prepared_by",
        "remarks", "include", "max_age",
    ]

    /// Parses YAML text; `file` names the config in errors (`smsreport.yaml:7: …`).
    public init(yaml text: String, file: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError("\(file): invalid YAML: \(error)")
        }
        guard let mapping = root?.mapping else {
            throw ConfigurationError("\(file): expected a mapping of settings")
        }
        var reader = NodeReader(file: file)
        self.init()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "endpoint": endpoint = reader.string(value, key)
            case "region": region = reader.string(value, key)
            case "credentials":
                let name = reader.string(value, key)
                credentials = name.flatMap(CredentialsMode.init(rawValue:))
                if name != nil && credentials == nil {
                    reader.fail(value, "credentials: must be one of \(CredentialsMode.names)")
                }
            case "concurrency": concurrency = reader.integer(value, key, in: 1...64)
            case "rate": rate = reader.number(value, key)
            case "retries": retries = reader.integer(value, key, in: 0...20)
            case "batch_size": batchSize = reader.integer(value, key, in: 1...ExportBatch.maximumSize)
            case "reports": reports = reader.reports(value)
            case "waivers": waivers = reader.waivers(value)
            case "fail_on": failOn = reader.failOn(value)
            case "history": history = reader.string(value, key)
            case "history_scope": historyScope = reader.string(value, key)
            case "out": out = reader.path(value, key)
            case "keep": keep = reader.integer(value, key, in: 1...Self.maximumKeep)
            case "sign_key": signKey = reader.string(value, key)
            case "bundle_max_mb": bundleMaxMB = reader.number(value, key)
            case "pdf_timeout": pdfTimeout = reader.integer(value, key, in: Self.pdfTimeoutRange)
            case "notify": notify = reader.notifications(value)
            case "report_url": reportURL = reader.httpURL(value, key)
            case "metrics_file": metricsFile = reader.string(value, key)
            case "ping_url": pingURL = reader.httpURL(value, key)
            case "manifest": manifest = reader.manifestPath(value, key)
            case "discover": discover = reader.bool(value, key)
            case "state": state = reader.string(value, key)
            case "coverage": coverage = reader.bool(value, key)
            case "timeout": timeout = reader.timeout(value, key)
            case "deadline": deadline = reader.duration(value, key)
            default:
                reader.fail(
                    keyNode, "unknown setting '\(key)' (known: \(Self.topLevelKeys.sorted().joined(separator: ", ")))")
            }
        }
        if mapping["reports"] != nil && reports.isEmpty && reader.problems.isEmpty {
            reader.fail(mapping["reports"]!, "reports: the list is empty")
        }
        try reader.throwIfProblems()
    }

    /// The secrets written in the file itself (`url:`, `secret:`, `ping_url:`), for the secret registry; values
    /// named by `_env` keys are registered when they are read.
    public var literalSecrets: [String] {
        notify.flatMap { [$0.url, $0.secret].compactMap(\.self) } + [pingURL].compactMap(\.self)
    }
}

/// A configuration file or flag combination that cannot be used (exit 2).
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
