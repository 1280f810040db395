import Foundation
import Rendering
import ReportModel
import ReportTemplates
import TestSupport

/// Builds render contexts from fixtures with the bundled templates, and temporary output folders.
enum RenderingFixtures {
    static var templates: TemplateSet { TemplateSet(bundled: BundledTemplates.files) }

    static func hostileSnapshot() throws -> ResultsSnapshot {
        try ResultsSnapshot(jsonData: Fixtures.data("hostile-results.json"))
    }

    static func context(
        _ snapshot: ResultsSnapshot, language: ReportLanguage, formats: [ReportFormat], name: String = "report",
        options: RenderOptions = RenderOptions()
    ) throws -> RenderContext {
        RenderContext(
            report: ReportDefinition(name: name, language: language, formats: formats),
            strings: try templates.strings(for: language), snapshot: snapshot,
            summary: ConsistencySummary(tasks: snapshot.tasks), templates: templates,
            generatedAt: Date(timeIntervalSince1970: 1_790_000_000), options: options)
    }

    /// A fresh empty folder under the temporary directory, removed by the caller with `remove`.
    static func temporaryFolder() throws -> OutputFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smsreport-test-\(UUID().uuidString)")
        return try OutputFolder(url: url)
    }

    static func remove(_ folder: OutputFolder) {
        try? FileManager.default.removeItem(at: folder.url)
    }
}
