import Foundation
import ReportModel
import SMSAPI

/// What sending a run's notifications needs besides its summary: the configured entries, the reports' titles and
/// zones, where the folder is, the previous run's exit code, the string tables, and where secrets come from.
public struct NotifyContext: Sendable {
    /// The `notify:` entries, in config order.
    public var entries: [NotificationEntry]
    /// The configured reports (title, time zone); the summary's own list when empty.
    public var reports: [ReportDefinition]
    /// The run's scope (SPEC 6), e.g. `sms.example.com manifest.csv`.
    public var scope: String
    /// The published output folder.
    public var outputFolder: URL
    /// `report_url:`, where the output folders are served; nil: the host name and the folder's path are shown.
    public var reportURL: String?
    /// This machine's name, for the message when there is no `report_url`.
    public var hostName: String
    /// The previous run's exit code of the same scope, for `on: changes`; nil when there was none.
    public var previousExitCode: Int?
    /// The words of each language a message may be in.
    public var strings: [ReportLanguage: StringTable]
    /// Where `url_env` and `secret_env` are looked up.
    public var environment: [String: String]
    /// Every URL and signing secret is registered here before it is used, so no output can carry it.
    public var secrets: SecretRegistry
    /// How each message is delivered: 10 s per attempt, up to 2 retries (SPEC 8.3).
    public var delivery: HTTPDelivery
    /// The clock for signatures' timestamps and the e-mail's `Date`.
    public var now: @Sendable () -> Date

    /// A context; delivery defaults to SPEC 8.3's 10-second timeout and 2 retries.
    public init(
        entries: [NotificationEntry], reports: [ReportDefinition] = [], scope: String, outputFolder: URL,
        reportURL: String? = nil, hostName: String = ProcessInfo.processInfo.hostName, previousExitCode: Int? = nil,
        strings: [ReportLanguage: StringTable], environment: [String: String] = ProcessInfo.processInfo.environment,
        secrets: SecretRegistry = .shared, delivery: HTTPDelivery = .notifications,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.entries = entries
        self.reports = reports
        self.scope = scope
        self.outputFolder = outputFolder
        self.reportURL = reportURL
        self.hostName = hostName
        self.previousExitCode = previousExitCode
        self.strings = strings
        self.environment = environment
        self.secrets = secrets
        self.delivery = delivery
        self.now = now
    }

    /// The report whose title, language and zone the message uses: the first configured one, else the summary's.
    func firstReport(of summary: RunSummary) -> ReportDefinition {
        reports.first ?? summary.reports.first ?? .default
    }
}
