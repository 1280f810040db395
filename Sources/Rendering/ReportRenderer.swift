import Foundation
import ReportModel

/// Everything a renderer needs for one report: the data, the words, the frame and the generation time.
public struct RenderContext: Sendable {
    public var report: ReportDefinition
    public var strings: StringTable
    public var snapshot: ResultsSnapshot
    public var summary: ConsistencySummary
    public var templates: TemplateSet
    /// The time shown as "generated at" and stamped into files: `SOURCE_DATE_EPOCH` when set.
    public var generatedAt: Date
    public var options: RenderOptions
    /// What changed since the previous run and the trend; nil without history.
    public var changes: RunChanges?

    public init(
        report: ReportDefinition, strings: StringTable, snapshot: ResultsSnapshot, summary: ConsistencySummary,
        templates: TemplateSet, generatedAt: Date, options: RenderOptions = RenderOptions(), changes: RunChanges? = nil
    ) {
        self.changes = changes
        self.report = report
        self.strings = strings
        self.snapshot = snapshot
        self.summary = summary
        self.templates = templates
        self.generatedAt = generatedAt
        self.options = options
    }

    /// The report's title: the configured one, else the string table's default.
    public var title: String {
        if let title = report.title, !title.isEmpty { return title }
        return strings[.reportTitleDefault]
    }
}

/// Switches that change how reports are written.
public struct RenderOptions: Sendable, Hashable {
    /// Start CSV files with a UTF-8 byte order mark (for Excel); `--no-bom` turns it off.
    public var csvByteOrderMark: Bool
    /// The headless Chromium that prints the pdf format; checked to exist before any request.
    public var browser: String?
    /// How long Chromium may take to print one report (`--pdf-timeout`, SPEC 8.2).
    public var pdfTimeout: Duration
    /// The run's `--deadline`: no print runs past it; nil without one.
    public var pdfDeadline: Date?

    public init(
        csvByteOrderMark: Bool = true, browser: String? = nil, pdfTimeout: Duration = .seconds(300),
        pdfDeadline: Date? = nil
    ) {
        self.csvByteOrderMark = csvByteOrderMark
        self.browser = browser
        self.pdfTimeout = pdfTimeout
        self.pdfDeadline = pdfDeadline
    }
}

/// Turns a ``RenderContext`` into one format's files, written through the ``OutputFolder``.
public protocol ReportRenderer: Sendable {
    /// The format this renderer writes.
    var format: ReportFormat { get }

    /// Writes the report's files for this format and returns their URLs.
    func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL]
}

/// The renderer for each format.
public enum ReportRenderers {
    /// The renderer that writes `format`. The `bundle` format has none that writes: the run engine builds it
    /// (Evidence's `EvidenceBundle`) from the other formats' files once they are written.
    public static func renderer(for format: ReportFormat) -> any ReportRenderer {
        switch format {
        case .csv: CSVReportRenderer()
        case .xlsx: XLSXReportRenderer()
        case .html: HTMLReportRenderer()
        case .pdf: PDFReportRenderer()
        case .junit: JUnitReportRenderer()
        case .bundle: AssembledFormatRenderer(format: .bundle)
        }
    }
}

/// The renderer of a format that is assembled from other formats' files after rendering (`bundle`): rendering it
/// from the snapshot writes nothing, so a caller that renders every format of a report never builds it twice.
struct AssembledFormatRenderer: ReportRenderer {
    let format: ReportFormat

    func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] { [] }
}
