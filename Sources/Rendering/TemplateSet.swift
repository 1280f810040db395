import Foundation
import ReportModel

/// Where report templates come from: a customer's folder (`--templates DIR`) in front of the bundled files.
///
/// A file is looked up in `override` first, then in `bundled`, so a team can replace just the page frame
/// or just a string table. The bundled files are compiled into the binary (`BundledTemplates.files`), so a
/// copied binary needs no folder beside it.
public struct TemplateSet: Sendable {
    public let override: URL?
    /// The built-in files by their path below `templates/` (`html/frame.html`).
    public let bundled: [String: Data]

    /// `override` (a `--templates DIR`) in front of `bundled` (`BundledTemplates.files`).
    public init(override: URL? = nil, bundled: [String: Data]) {
        self.override = override
        self.bundled = bundled
    }

    /// The override folder's file for `relativePath`, when that folder has it.
    private func overrideURL(for relativePath: String) -> URL? {
        guard let candidate = override?.appendingPathComponent(relativePath) else { return nil }
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    /// Where `relativePath` comes from, for messages: the override file's path, or `bundled templates/…`.
    public func place(for relativePath: String) -> String {
        overrideURL(for: relativePath)?.path ?? "bundled templates/\(relativePath)"
    }

    /// The bytes of `relativePath`, from the override folder when it has it.
    public func data(_ relativePath: String) throws -> Data {
        if let url = overrideURL(for: relativePath) {
            do {
                return try Data(contentsOf: url)
            } catch {
                throw TemplateError(path: url.path, reason: "cannot read: \(error.localizedDescription)")
            }
        }
        guard let data = bundled[relativePath] else {
            throw TemplateError(path: place(for: relativePath), reason: "no such template in this build")
        }
        return data
    }

    /// The text of `relativePath`, UTF-8.
    public func text(_ relativePath: String) throws -> String {
        guard let text = String(data: try data(relativePath), encoding: .utf8) else {
            throw TemplateError(path: place(for: relativePath), reason: "not UTF-8 text")
        }
        return text
    }

    /// Loads every string table the reports need, so a broken template fails before any request or file.
    public func check(for reports: [ReportDefinition]) throws {
        for language in Set(reports.map(\.language)) { _ = try strings(for: language) }
    }

    /// The string table for `language`.
    public func strings(for language: ReportLanguage) throws -> StringTable {
        let path = "i18n/\(language.rawValue).json"
        return try StringTable(language: language, data: try data(path), source: place(for: path))
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
