import Foundation
import ReportModel

/// One worksheet cut into chunks of XML that can be written independently, on any thread, and joined in order:
/// a table sheet is its head and header row, then `rowsPerChunk` data rows per chunk, then its tail; the
/// overview is one chunk.
///
/// A chunk's bytes depend only on the sheet and the chunk's number, so the joined sheet is the same whatever
/// thread wrote which chunk, and the same as one writer writing it from start to end.
struct XLSXSheetChunks: Sendable {
    let sheet: XLSXWorkbookPlan.Sheet
    let context: RenderContext
    let limits: XLSXLimits
    let rowsPerChunk: Int
    /// Chunks in all, at least 1.
    let count: Int

    /// The chunks of `sheet`, with table rows `rowsPerChunk` at a time.
    init(_ sheet: XLSXWorkbookPlan.Sheet, context: RenderContext, limits: XLSXLimits, rowsPerChunk: Int) {
        self.sheet = sheet
        self.context = context
        self.limits = limits
        self.rowsPerChunk = max(1, rowsPerChunk)
        switch sheet.content {
        case .overview: count = 1
        case .table(_, let rows): count = (rows.count + self.rowsPerChunk - 1) / self.rowsPerChunk + 2
        }
    }

    /// The XML of chunk `index` (`0..<count`).
    func bytes(_ index: Int) throws -> [UInt8] {
        let buffer = ChunkBuffer()
        let sink: XMLStreamWriter.Sink = { buffer.bytes.append(contentsOf: $0) }
        let marker = context.strings[.cellTruncatedMarker]
        switch sheet.content {
        case .overview:
            try XLSXWorksheetWriter.head(
                to: sink, widths: XLSXOverviewSheet.widths, frozenHeader: false, selected: true)
            let writer = try XLSXWorksheetWriter(
                sink: sink, cellCharacters: limits.cellCharacters, truncationMarker: marker)
            try XLSXOverviewSheet.write(context, to: writer)
            try writer.finish()
            try XLSXWorksheetWriter.tail(to: sink, rowCount: writer.rowCount, autoFilterColumns: nil, onePage: true)
        case .table(let table, let rows) where index == 0:
            try XLSXWorksheetWriter.head(
                to: sink, widths: table.columnWidths(in: rows), frozenHeader: true, selected: false)
            let writer = try XLSXWorksheetWriter(
                sink: sink, cellCharacters: limits.cellCharacters, truncationMarker: marker)
            try writer.headerRow(table.headers)
            try writer.finish()
        case .table(let table, let rows) where index == count - 1:
            try XLSXWorksheetWriter.tail(
                to: sink, rowCount: rows.count + 1, autoFilterColumns: table.headers.count, onePage: false)
        case .table(let table, let rows):
            let start = rows.lowerBound + (index - 1) * rowsPerChunk
            let writer = try XLSXWorksheetWriter(
                sink: sink, firstRow: 2 + (index - 1) * rowsPerChunk, cellCharacters: limits.cellCharacters,
                truncationMarker: marker)
            let styles = XLSXHighlight.allCases.map { highlight in
                table.kinds.map { XLSXStyleSheet.cell($0, highlight) }
            }
            buffer.bytes.reserveCapacity(rowsPerChunk * 64 * table.kinds.count)
            try table.forEachRow(in: start..<min(rows.upperBound, start + rowsPerChunk)) { cells, highlight in
                try writer.row(cells, styles: styles[highlight.rawValue])
            }
            try writer.finish()
        }
        return buffer.bytes
    }
}

/// The bytes of one chunk as its writer produces them.
private final class ChunkBuffer {
    var bytes: [UInt8] = []
}
