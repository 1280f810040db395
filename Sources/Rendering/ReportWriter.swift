import Foundation
import ReportModel

/// Renders every report definition in each of its formats from one snapshot, into one output folder.
///
/// The summary is computed once, by the caller, and shared by all reports; each report gets its own language's words.
public struct ReportWriter: Sendable {
    public let output: OutputFolder
    public let templates: TemplateSet
    public let options: RenderOptions
    public let generatedAt: Date

    public init(output: OutputFolder, templates: TemplateSet, options: RenderOptions, generatedAt: Date) {
        self.output = output
        self.templates = templates
        self.options = options
        self.generatedAt = generatedAt
    }

    /// Writes `results.json` atomically.
    @discardableResult
    public func writeResults(_ snapshot: ResultsSnapshot) throws -> URL {
        try output.stream("results.json") { sink in try snapshot.writeJSON { try sink.write($0) } }
    }

    /// Renders each report in each of its formats from `summary` (the snapshot's, computed once by the caller);
    /// returns the files written, in order.
    public func render(
        _ reports: [ReportDefinition], snapshot: ResultsSnapshot, summary: ConsistencySummary,
        changes: RunChanges? = nil
    ) throws -> [URL] {
        var files: [URL] = []
        for report in reports {
            let context = RenderContext(
                report: report, strings: try templates.strings(for: report.language), snapshot: snapshot,
                summary: summary, templates: templates, generatedAt: generatedAt, options: options,
                changes: changes)
            for format in report.formats {
                files += try ReportRenderers.renderer(for: format).render(context, to: output)
            }
        }
        return files
    }
}
