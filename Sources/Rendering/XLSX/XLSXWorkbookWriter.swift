import Foundation
import ReportModel

/// Writes one workbook with ZIPFoundation: the small parts built in memory, then each sheet's XML streamed row by
/// row into a spooled file (ZIPFoundation needs every part's size up front) and deflated from there in chunks.
struct XLSXWorkbookWriter: Sendable {
    let context: RenderContext
    let limits: XLSXLimits
    let plan: XLSXWorkbookPlan

    /// Plans the workbook of `context`.
    init(context: RenderContext, limits: XLSXLimits) {
        self.context = context
        self.limits = limits
        plan = XLSXWorkbookPlan(context: context, limits: limits)
    }

    /// Writes the `.xlsx` file at `url`, which must not exist yet.
    func write(to url: URL) throws {
        let archive = try XLSXArchive(url: url, modificationDate: context.generatedAt)
        let sheetCount = plan.sheets.count
        try archive.add(XLSXPackageParts.contentTypesPath, XLSXPackageParts.contentTypes(sheetCount: sheetCount))
        try archive.add(XLSXPackageParts.rootRelationshipsPath, XLSXPackageParts.rootRelationships())
        try archive.add(
            XLSXPackageParts.corePropertiesPath,
            XLSXPackageParts.coreProperties(
                title: context.title, language: context.report.language, generatedAt: context.generatedAt))
        try archive.add(XLSXPackageParts.appPropertiesPath, XLSXPackageParts.appProperties())
        try archive.add(
            XLSXPackageParts.workbookPath,
            XLSXPackageParts.workbook(sheets: plan.sheets, filterRanges: filterRanges()))
        try archive.add(
            XLSXPackageParts.workbookRelationshipsPath,
            XLSXPackageParts.workbookRelationships(sheetCount: sheetCount))
        try archive.add(XLSXPackageParts.stylesPath, XLSXPackageParts.document { try XLSXStyleSheet.write(to: $0, language: context.report.language) })
        for sheet in plan.sheets {
            let spooled = try XLSXSpooledPart(name: "sheet\(sheet.number).xml", besideArchive: url) { write in
                try writeSheet(sheet, to: write)
            }
            defer { spooled.remove() }
            try archive.add(sheet.partName, spooled)
        }
    }

    /// The autofilter range of each table sheet, by sheet number, in absolute references.
    private func filterRanges() -> [Int: String] {
        var ranges: [Int: String] = [:]
        for sheet in plan.sheets {
            guard case .table(let table, let rows) = sheet.content else { continue }
            let last = XLSXWorksheetWriter.columnLetter(table.headers.count - 1)
            ranges[sheet.number] = "$A$1:$\(last)$\(rows.count + 1)"
        }
        return ranges
    }

    private func writeSheet(_ sheet: XLSXWorkbookPlan.Sheet, to write: @escaping XMLStreamWriter.Sink) throws {
        let marker = context.strings[.cellTruncatedMarker]
        switch sheet.content {
        case .overview:
            let writer = try XLSXWorksheetWriter(
                sink: write, widths: XLSXOverviewSheet.widths, frozenHeader: false, selected: true,
                cellCharacters: limits.cellCharacters, truncationMarker: marker, onePage: true)
            try XLSXOverviewSheet.write(context, to: writer)
            try writer.finish(autoFilterColumns: nil)
        case .table(let table, let rows):
            let writer = try XLSXWorksheetWriter(
                sink: write, widths: table.columnWidths(in: rows), frozenHeader: true, selected: false,
                cellCharacters: limits.cellCharacters, truncationMarker: marker)
            try writer.headerRow(table.headers)
            let styles = XLSXHighlight.allCases.map { highlight in
                table.kinds.map { XLSXStyleSheet.cell($0, highlight) }
            }
            try table.forEachRow(in: rows) { cells, highlight in
                try writer.row(cells, styles: styles[highlight.rawValue])
            }
            try writer.finish(autoFilterColumns: table.headers.count)
        }
    }
}
