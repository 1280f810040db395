import Foundation
import ReportModel

/// Writes one workbook: the package parts, then each sheet's XML streamed row by row straight into the zip,
/// where worker threads deflate it while this thread writes the next rows.
struct XLSXWorkbookWriter: Sendable {
    let context: RenderContext
    let limits: XLSXLimits
    let compression: XLSXCompression
    let plan: XLSXWorkbookPlan

    /// Plans the workbook of `context`.
    init(context: RenderContext, limits: XLSXLimits, compression: XLSXCompression) {
        self.context = context
        self.limits = limits
        self.compression = compression
        plan = XLSXWorkbookPlan(summary: context.summary, strings: context.strings, limits: limits)
    }

    /// Writes the `.xlsx` file at `url`.
    func write(to url: URL) throws {
        let zip = try XLSXZipArchive(url: url, modificationDate: context.generatedAt, compression: compression)
        let sheetCount = plan.sheets.count
        try zip.add(XLSXPackageParts.contentTypesPath, data: XLSXPackageParts.contentTypes(sheetCount: sheetCount))
        try zip.add(XLSXPackageParts.rootRelationshipsPath, data: XLSXPackageParts.rootRelationships())
        try zip.add(
            XLSXPackageParts.corePropertiesPath,
            data: XLSXPackageParts.coreProperties(
                title: context.title, language: context.report.language, generatedAt: context.generatedAt))
        try zip.add(XLSXPackageParts.appPropertiesPath, data: XLSXPackageParts.appProperties())
        try zip.add(
            XLSXPackageParts.workbookPath,
            data: XLSXPackageParts.workbook(sheets: plan.sheets, filterRanges: filterRanges()))
        try zip.add(
            XLSXPackageParts.workbookRelationshipsPath,
            data: XLSXPackageParts.workbookRelationships(sheetCount: sheetCount))
        try zip.add(XLSXPackageParts.stylesPath, data: XLSXPackageParts.document(XLSXStyleSheet.write))
        for sheet in plan.sheets {
            try zip.addEntry(sheet.partName) { write in try writeSheet(sheet, to: write) }
        }
        try zip.finish()
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
                cellCharacters: limits.cellCharacters, truncationMarker: marker)
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
