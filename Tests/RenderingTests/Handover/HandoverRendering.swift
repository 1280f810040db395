import Foundation
import ReportModel
import ReportTemplates

@testable import Rendering

/// Renders the plain four-server snapshot with handover settings, for the handover tests.
enum HandoverRendering {
    /// The context of `report` over `snapshot` (the plain snapshot by default), generated at
    /// 2026-11-18T11:06:40Z.
    static func context(_ report: ReportDefinition, snapshot: ResultsSnapshot = HTMLRendering.plain()) throws
        -> RenderContext
    {
        let templates = HTMLRendering.templates()
        return RenderContext(
            report: report, strings: try templates.strings(for: report.language), snapshot: snapshot,
            summary: ConsistencySummary(tasks: snapshot.tasks), templates: templates,
            generatedAt: HTMLRendering.generatedAt, options: RenderOptions(csvByteOrderMark: false))
    }

    /// Renders `context` with `renderer` into a fresh folder; the files written.
    static func render(_ renderer: any ReportRenderer, _ context: RenderContext) throws -> [URL] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handover-\(UUID().uuidString)")
        return try renderer.render(context, to: OutputFolder(url: folder))
    }

    /// The text of the first file `renderer` writes for `context`.
    static func text(_ renderer: any ReportRenderer, _ context: RenderContext) throws -> String {
        try String(contentsOf: render(renderer, context)[0], encoding: .utf8)
    }

    /// A report named `report` with the given settings.
    static func report(
        _ language: ReportLanguage = .enUS, formats: [ReportFormat] = [.html], zone: String = "UTC",
        handover: HandoverContext = HandoverContext(), include: ReportInclude = .all
    ) -> ReportDefinition {
        ReportDefinition(
            name: "report", language: language, formats: formats, title: nil,
            timeZone: ReportTimeZone(identifier: zone)!, handover: handover, include: include)
    }

    /// Context fields full of markup, quotes, control characters and bidi overrides.
    static let hostileContext = HandoverContext(
        customer: "<script>alert(1)</script> & \"ACME\"", project: "Proj\u{202E}ekil\u{0007}",
        reference: "=HYPERLINK(\"http://evil.example\")", preparedBy: "O'Brien <b>bold</b>",
        remarks: "Line one\nLine two </style> <img src=x onerror=alert(1)>")
}
