import Foundation
import ReportModel

/// Writes `<name>.html`: one self-contained page (inline CSS, SVG and a little script, no external URL)
/// streamed through libxml2 into the output folder, so every value is escaped and the document is never
/// held in memory.
public struct HTMLReportRenderer: ReportRenderer {
    public var format: ReportFormat { .html }

    public init() {}

    /// Loads the page frame (a broken frame fails here with a ``TemplateError``), then streams the page.
    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        let frame = try HTMLFrame(templates: context.templates)
        let url = try output.stream("\(context.report.name).html") { sink in
            let html = try HTMLMarkupWriter { try sink.write($0) }
            try HTMLPage(html: html, context: context).write(frame)
            try html.finish()
        }
        return [url]
    }
}
