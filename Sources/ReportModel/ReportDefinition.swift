import Foundation

/// A language a report can be written in; the raw value is the API's `X-Language` value.
public enum ReportLanguage: String, Codable, Sendable, CaseIterable, Comparable {
    case enUS = "en-us"
    case zhCN = "zh-cn"

    /// The BCP 47 tag for the HTML `lang` attribute and document properties.
    public var bcp47: String {
        switch self {
        case .enUS: "en"
        case .zhCN: "zh-CN"
        }
    }

    public static func < (lhs: ReportLanguage, rhs: ReportLanguage) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A file format a report can be rendered to.
public enum ReportFormat: String, Codable, Sendable, CaseIterable, Comparable {
    case html
    case xlsx
    case csv
    /// `<name>.pdf`: the HTML's print layout printed by headless Chromium.
    case pdf
    /// `<name>-junit.xml`: the verdict as JUnit test results for CI servers (SPEC 6).
    case junit
    /// `<name>-evidence.zip`: the report's other files, `summary.json`, `SHA256SUMS` (signed with `--sign-key`)
    /// and a README, for a change ticket (SPEC 9). Built from the other formats' files after they are written,
    /// never rendered from the snapshot.
    case bundle

    /// The formats a report gets when none are named: the three that need no external program.
    public static let standard: [ReportFormat] = [.html, .xlsx, .csv]

    /// False for `bundle`, which is assembled from the other formats' files rather than rendered from the snapshot.
    public var isRenderedFromSnapshot: Bool { self != .bundle }

    public static func < (lhs: ReportFormat, rhs: ReportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One report to produce: a name (the output file stem), a language, formats, an optional title, and the
/// handover settings (time zone, context fields, which servers to list).
public struct ReportDefinition: Codable, Sendable, Hashable {
    /// The file stem, e.g. `handover-zh` gives `handover-zh.html`; already checked to be a safe file name.
    public var name: String
    public var language: ReportLanguage
    public var formats: [ReportFormat]
    /// The title shown in the report; the string table's default title when nil.
    public var title: String?
    /// The zone every shown time is in (`timezone`, an IANA name); UTC by default.
    public var timeZone: ReportTimeZone
    /// Customer, project, reference, author and remarks for a handover or a ticket.
    public var handover: HandoverContext
    /// Which servers the report lists (`include`); totals are always over all servers.
    public var include: ReportInclude
    /// `max_age` in seconds (SPEC 9): a server with data verified longer ago than this at the run's start, or at
    /// an unknown time, is marked stale; nil when the report does not judge freshness.
    public var maxAge: TimeInterval?

    /// A report; the handover settings default to UTC, no context, every server listed and no `max_age`.
    public init(
        name: String, language: ReportLanguage, formats: [ReportFormat], title: String? = nil,
        timeZone: ReportTimeZone = .utc, handover: HandoverContext = HandoverContext(), include: ReportInclude = .all,
        maxAge: TimeInterval? = nil
    ) {
        self.maxAge = maxAge
        self.name = name
        self.language = language
        self.formats = formats
        self.title = title
        self.timeZone = timeZone
        self.handover = handover
        self.include = include
    }

    /// The report used when neither a config nor flags name one: English, every format.
    public static let `default` = ReportDefinition(
        name: "consistency-en-us", language: .enUS, formats: ReportFormat.standard)
}

/// Which servers a report lists: all of them, or only those that are not consistent.
public enum ReportInclude: String, Codable, Sendable, CaseIterable {
    case all
    case problems
}

/// The context a handover document or a ticket attachment carries; every field is optional text.
public struct HandoverContext: Codable, Sendable, Hashable {
    public var customer: String?
    public var project: String?
    /// A change or ticket number.
    public var reference: String?
    public var preparedBy: String?
    /// A paragraph of free text.
    public var remarks: String?

    /// A context with the given fields; nil fields are left out of reports.
    public init(
        customer: String? = nil, project: String? = nil, reference: String? = nil, preparedBy: String? = nil,
        remarks: String? = nil
    ) {
        self.customer = customer
        self.project = project
        self.reference = reference
        self.preparedBy = preparedBy
        self.remarks = remarks
    }

    /// True when no field has text.
    public var isEmpty: Bool { fields.isEmpty }

    /// The fields that have text, in display order, with the string key of their label.
    public var fields: [(label: StringKey, value: String)] {
        let all: [(StringKey, String?)] = [
            (.labelCustomer, customer), (.labelProject, project), (.labelReference, reference),
            (.labelPreparedBy, preparedBy), (.labelRemarks, remarks),
        ]
        return all.compactMap { key, value in
            guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return (key, value)
        }
    }

    /// This context with every field of `other` that has text put over it (flags over the config).
    public func overridden(by other: HandoverContext) -> HandoverContext {
        HandoverContext(
            customer: other.customer ?? customer, project: other.project ?? project,
            reference: other.reference ?? reference, preparedBy: other.preparedBy ?? preparedBy,
            remarks: other.remarks ?? remarks)
    }
}
