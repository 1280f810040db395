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
    /// returns the files written, in report and format order.
    ///
    /// The (report, format) pairs are independent, each writing its own files from the same immutable inputs, so
    /// they run side by side, at most one per core (`parallelism`): a 100,000-task set spends most of its time in
    /// renderers that use one core each (CSV, HTML). What each file holds does not depend on the order they
    /// finish in. When some fail, the first failure in report and format order is thrown once all have ended.
    public func render(
        _ reports: [ReportDefinition], snapshot: ResultsSnapshot, summary: ConsistencySummary,
        changes: RunChanges? = nil, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> [URL] {
        var jobs: [(context: RenderContext, format: ReportFormat)] = []
        for report in reports {
            let context = RenderContext(
                report: report, strings: try templates.strings(for: report.language), snapshot: snapshot,
                summary: summary, templates: templates, generatedAt: generatedAt, options: options,
                changes: changes)
            jobs += report.formats.map { (context, $0) }
        }
        let output = output
        let outcomes = ParallelWork.map(jobs, parallelism: parallelism) { job in
            Result { try ReportRenderers.renderer(for: job.format).render(job.context, to: output) }
        }
        return try outcomes.flatMap { try $0.get() }
    }
}
