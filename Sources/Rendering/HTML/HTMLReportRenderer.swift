import Foundation
import ReportModel

/// Writes `<name>.html`: one self-contained page (inline CSS, SVG and a little script, no external URL)
/// streamed through libxml2 into the output folder, so every value is escaped and the document is never
/// held in memory.
public struct HTMLReportRenderer: ReportRenderer {
    public var format: ReportFormat { .html }
    /// True for the page the PDF is printed from: problem servers' details open.
    public var forPrint: Bool

    /// A renderer for the screen page, or for the page the PDF is printed from when `forPrint`.
    public init(forPrint: Bool = false) {
        self.forPrint = forPrint
    }

    /// Loads the page frame (a broken frame fails here with a ``TemplateError``), then streams the page.
    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        let frame = try HTMLFrame(templates: context.templates)
        let url = try output.stream("\(context.report.name).html") { sink in try write(context, frame: frame, to: sink)
        }
        return [url]
    }

    /// Streams the page of `context` in `frame` to `sink`.
    func write(_ context: RenderContext, frame: HTMLFrame, to sink: FileSink) throws {
        let html = try HTMLMarkupWriter { try sink.write($0) }
        try HTMLPage(html: html, context: context, forPrint: forPrint).write(frame)
        try html.finish()
    }
}
