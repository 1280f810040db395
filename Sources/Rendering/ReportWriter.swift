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

    /// Renders every report in each of its formats, each from the aggregate `summary(report)` gives (one per time
    /// zone, computed by the caller), and returns the rendered set: every file written, with its path.
    ///
    /// The (report, format) pairs are independent, each writing its own files from the same immutable inputs, so
    /// they run side by side, at most one per core (`parallelism`): a 100,000-task set spends most of its time in
    /// renderers that use one core each (CSV, HTML). What each file holds does not depend on the order they
    /// finish in. A failed PDF is a side feature's failure (SPEC 8.2): it is returned in ``RenderedSet/failures``
    /// and the other formats stand. Any other failure is thrown (the first in report and format order) once all
    /// have ended.
    public func render(
        _ reports: [ReportDefinition], snapshot: ResultsSnapshot, summary: (ReportDefinition) -> ConsistencySummary,
        changes: RunChanges? = nil, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> RenderedSet {
        var jobs: [(context: RenderContext, format: ReportFormat)] = []
        for report in reports {
            let context = RenderContext(
                report: report, strings: try templates.strings(for: report.language), snapshot: snapshot,
                summary: summary(report), templates: templates, generatedAt: generatedAt, options: options,
                changes: changes)
            jobs += report.formats.map { (context, $0) }
        }
        let output = output
        let outcomes = ParallelWork.map(jobs, parallelism: parallelism) { job in
            Result { try ReportRenderers.renderer(for: job.format).render(job.context, to: output) }
        }
        var set = RenderedSet()
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .success(let urls):
                set.files += urls.map {
                    RenderedSet.File(
                        report: job.context.report.name, format: job.format, path: output.relativePath(of: $0))
                }
            case .failure(let error) where job.format == .pdf:
                set.failures.append(.init(report: job.context.report.name, format: job.format, reason: "\(error)"))
            case .failure(let error):
                throw error
            }
        }
        return set
    }
}

/// What one call of ``ReportWriter/render(_:snapshot:summary:changes:parallelism:)`` wrote: every file, with the
/// report and format it belongs to, and the formats that failed without costing the others.
public struct RenderedSet: Sendable, Hashable {
    /// The files written, in report and format order.
    public var files: [File] = []
    /// The side formats (PDF) that could not be written.
    public var failures: [Failure] = []

    public init() {}

    /// One written file: its path relative to the output folder.
    public struct File: Sendable, Hashable {
        public var report: String
        public var format: ReportFormat
        public var path: String
    }

    /// A format of a report that could not be written, and why (no secret: the renderers see none).
    public struct Failure: Sendable, Hashable {
        public var report: String
        public var format: ReportFormat
        public var reason: String
    }
}
