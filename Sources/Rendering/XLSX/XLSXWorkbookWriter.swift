import Foundation
import ReportModel

/// Writes one workbook with our zip writer: the small parts built in memory, then each sheet cut into chunks of
/// rows whose XML is written and deflated on several threads at once and joined in order into the sheet's entry.
struct XLSXWorkbookWriter: Sendable {
    let context: RenderContext
    let limits: XLSXLimits
    let compression: XLSXCompression
    let plan: XLSXWorkbookPlan

    /// Plans the workbook of `context`.
    init(context: RenderContext, limits: XLSXLimits, compression: XLSXCompression = .standard) {
        self.context = context
        self.limits = limits
        self.compression = compression
        plan = XLSXWorkbookPlan(context: context, limits: limits)
    }

    /// Writes the `.xlsx` file at `url` (created or truncated).
    func write(to url: URL) throws {
        let deflaters = try (0..<compression.threads).map { _ in try XLSXDeflater(level: compression.level) }
        let zip = try XLSXZipArchive(url: url, modificationDate: context.generatedAt)
        func add(_ path: String, _ data: Data) throws { try zip.add(path, data: data, deflater: deflaters[0]) }
        let sheetCount = plan.sheets.count
        try add(XLSXPackageParts.contentTypesPath, XLSXPackageParts.contentTypes(sheetCount: sheetCount))
        try add(XLSXPackageParts.rootRelationshipsPath, XLSXPackageParts.rootRelationships())
        try add(
            XLSXPackageParts.corePropertiesPath,
            XLSXPackageParts.coreProperties(
                title: context.title, language: context.report.language, generatedAt: context.generatedAt))
        try add(XLSXPackageParts.appPropertiesPath, XLSXPackageParts.appProperties())
        try add(
            XLSXPackageParts.workbookPath, XLSXPackageParts.workbook(sheets: plan.sheets, filterRanges: filterRanges()))
        try add(
            XLSXPackageParts.workbookRelationshipsPath, XLSXPackageParts.workbookRelationships(sheetCount: sheetCount))
        try add(
            XLSXPackageParts.stylesPath,
            XLSXPackageParts.document { try XLSXStyleSheet.write(to: $0, language: context.report.language) })
        for sheet in plan.sheets {
            let chunks = XLSXSheetChunks(
                sheet, context: context, limits: limits, rowsPerChunk: compression.rowsPerChunk)
            try zip.addEntry(sheet.partName) { append in
                // Each thread deflates with its own deflater; at most 2 chunks per thread wait in memory.
                try ParallelWork.inOrder(
                    count: chunks.count, workers: deflaters, window: 2 * deflaters.count,
                    produce: { index, deflater in
                        let last = index == chunks.count - 1
                        return try XLSXCompressedChunk(chunks.bytes(index), deflater: deflater, last: last)
                    },
                    consume: append)
            }
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
}
