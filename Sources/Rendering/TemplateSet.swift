import Foundation
import ReportModel

/// Where report templates come from: a customer's folder (`--templates DIR`) in front of the bundled one.
///
/// A file is looked up in `override` first, then in `bundled`, so a team can replace just the page frame
/// or just a string table.
public struct TemplateSet: Sendable {
    public let override: URL?
    public let bundled: URL

    public init(override: URL? = nil, bundled: URL) {
        self.override = override
        self.bundled = bundled
    }

    /// The URL of `relativePath` (e.g. `html/frame.html`), from the override folder when it has it.
    public func url(for relativePath: String) -> URL {
        if let override {
            let candidate = override.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return bundled.appendingPathComponent(relativePath)
    }

    /// The text of `relativePath`, UTF-8.
    public func text(_ relativePath: String) throws -> String {
        let url = url(for: relativePath)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TemplateError(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Loads every string table the reports need, so a broken template fails before any request or file.
    public func check(for reports: [ReportDefinition]) throws {
        for language in Set(reports.map(\.language)) { _ = try strings(for: language) }
    }

    /// The string table for `language`.
    public func strings(for language: ReportLanguage) throws -> StringTable {
        let url = url(for: "i18n/\(language.rawValue).json")
        return try StringTable(language: language, directory: url.deletingLastPathComponent())
    }
}

/// A template file is missing or unusable; names the file and what is wrong with it.
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
