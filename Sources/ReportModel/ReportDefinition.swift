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

    public static func < (lhs: ReportFormat, rhs: ReportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One report to produce: a name (the output file stem), a language, formats and an optional title.
public struct ReportDefinition: Codable, Sendable, Hashable {
    /// The file stem, e.g. `handover-zh` gives `handover-zh.html`; already checked to be a safe file name.
    public var name: String
    public var language: ReportLanguage
    public var formats: [ReportFormat]
    /// The title shown in the report; the string table's default title when nil.
    public var title: String?

    public init(name: String, language: ReportLanguage, formats: [ReportFormat], title: String? = nil) {
        self.name = name
        self.language = language
        self.formats = formats
        self.title = title
    }

    /// The report used when neither a config nor flags name one: English, every format.
    public static let `default` = ReportDefinition(
        name: "consistency-en-us", language: .enUS, formats: [.html, .xlsx, .csv])
}
