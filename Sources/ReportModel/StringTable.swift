import Foundation

/// One language's words for reports, loaded from `templates/i18n/<lang>.json` (a flat JSON object of key → text).
public struct StringTable: Sendable {
    public let language: ReportLanguage
    /// The texts as written, break marks included (for ``breakable(_:)``).
    private let entries: [String: String]
    /// The same texts without break marks, stripped once here rather than on every lookup.
    private let plain: [String: String]

    /// Why a string table could not be used.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Builds a table, failing when a key reports need is missing or empty.
    public init(language: ReportLanguage, entries: [String: String], source: String = "string table") throws {
        let missing = StringKey.allCases.filter { (entries[$0.rawValue] ?? "").isEmpty }.map(\.rawValue)
        guard missing.isEmpty else {
            throw LoadError(description: "\(source): missing keys: \(missing.joined(separator: ", "))")
        }
        self.language = language
        self.entries = entries
        self.plain = entries.mapValues { $0.replacingOccurrences(of: Self.breakMark, with: "") }
    }

    /// Loads `<directory>/<language>.json`.
    public init(language: ReportLanguage, directory: URL) throws {
        let url = directory.appendingPathComponent("\(language.rawValue).json")
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LoadError(description: "\(url.path): cannot read string table: \(error.localizedDescription)")
        }
        try self.init(language: language, data: data, source: url.path)
    }

    /// Reads a table from the JSON text `data`; `source` names it in errors.
    public init(language: ReportLanguage, data: Data, source: String) throws {
        guard let entries = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw LoadError(description: "\(source): not a JSON object of strings")
        }
        try self.init(language: language, entries: entries, source: source)
    }

    /// Zero-width space: marks where a header may break in HTML (Chinese has no spaces between words).
    public static let breakMark = "\u{200B}"

    /// The text for `key`, without break marks (for CSV, XLSX and running text).
    public subscript(_ key: StringKey) -> String { plain[key.rawValue]! }

    /// The text for `key` with its break marks, for HTML table headers that may wrap only at word boundaries.
    public func breakable(_ key: StringKey) -> String { entries[key.rawValue]! }

    /// The text for `key` with `{0}`, `{1}`, … replaced by `arguments`.
    public func format(_ key: StringKey, _ arguments: CustomStringConvertible...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument.description)
        }
        return text
    }

    /// The status word, e.g. `Not verified` or `未校验`.
    public func status(_ status: ServerStatus) -> String {
        switch status {
        case .consistent: self[.statusConsistent]
        case .inconsistent: self[.statusInconsistent]
        case .notVerified: self[.statusNotVerified]
        case .error: self[.statusError]
        case .accepted: self[.statusAccepted]
        }
    }

    /// The name of a language in this table's language, e.g. `English` or `英文`.
    public func languageName(_ language: ReportLanguage) -> String {
        switch language {
        case .enUS: self[.languageNameEnUS]
        case .zhCN: self[.languageNameZhCN]
        }
    }
}
