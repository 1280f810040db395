/// One `notify:` entry of the config (SPEC 8.3): where a run's message goes, when, and in which language.
///
/// A pure value: the URL and secret are kept as written (or as the names of the variables that hold them) and
/// resolved only when a message is sent, so that a config can be checked without the secrets at hand.
public struct NotificationEntry: Sendable, Hashable {
    /// The receiving platform; the raw values are the config's `type:` words.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case webhook, wecom, dingtalk, feishu, slack, teams, email
    }

    /// When the entry sends (`on:`); the raw values are the config's words.
    public enum Condition: String, Sendable, Hashable, CaseIterable {
        case always, problems, changes, failure
    }

    public var kind: Kind
    /// `url:`, the webhook URL itself (a secret: webhook URLs carry tokens).
    public var url: String?
    /// `url_env:`, the environment variable that holds the URL.
    public var urlEnvironment: String?
    /// `secret:`, a DingTalk or Feishu signing secret.
    public var secret: String?
    /// `secret_env:`, the environment variable that holds the signing secret.
    public var secretEnvironment: String?
    /// `on:`, `problems` by default.
    public var condition: Condition
    /// `language:`, overriding the first report's language.
    public var language: ReportLanguage?
    /// E-mail only: `to:`, the recipients.
    public var to: [String]
    /// E-mail only: `from:`, the sender; `smsreport@<host name>` when absent.
    public var from: String?
    /// E-mail only: `attach:`, formats of the first report to attach.
    public var attach: [ReportFormat]
    /// E-mail only: `max_attachment_mb:`, the most all attachments may add up to.
    public var maxAttachmentMB: Int
    /// E-mail only: `sendmail:`, the sendmail-compatible program.
    public var sendmail: String

    /// The default sendmail program (postfix, exim and msmtp-mta all install one there).
    public static let defaultSendmail = "/usr/sbin/sendmail"
    /// The default attachment limit in MB.
    public static let defaultMaxAttachmentMB = 10

    /// An entry of `kind`; everything else defaults as SPEC 8.3 says.
    public init(
        kind: Kind, url: String? = nil, urlEnvironment: String? = nil, secret: String? = nil,
        secretEnvironment: String? = nil, condition: Condition = .problems, language: ReportLanguage? = nil,
        to: [String] = [], from: String? = nil, attach: [ReportFormat] = [],
        maxAttachmentMB: Int = NotificationEntry.defaultMaxAttachmentMB,
        sendmail: String = NotificationEntry.defaultSendmail
    ) {
        self.kind = kind
        self.url = url
        self.urlEnvironment = urlEnvironment
        self.secret = secret
        self.secretEnvironment = secretEnvironment
        self.condition = condition
        self.language = language
        self.to = to
        self.from = from
        self.attach = attach
        self.maxAttachmentMB = maxAttachmentMB
        self.sendmail = sendmail
    }
}
