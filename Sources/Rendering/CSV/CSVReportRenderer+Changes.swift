import Foundation
import ReportModel

extension CSVReportRenderer {
    /// Writes `<name>-changes.csv` when the run has history: one row per changed or still-inconsistent server, or
    /// one saying why the history was unavailable, with the CSV conventions of the other files (RFC 4180, formula
    /// neutralising, optional BOM).
    func renderChanges(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        guard let changes = context.changes else { return [] }
        let file = try output.stream("\(context.report.name)-changes.csv") { sink in
            let writer = try CSVTableWriter(
                sink: sink, strings: context.strings, byteOrderMark: context.options.csvByteOrderMark,
                timeZone: context.timeZone)
            try writer.writeHeader(ReportTables.changesHeader(context.strings))
            for row in ReportTables.changeRows(changes) {
                try writer.writeRow(ReportTables.changeCells(row, context.strings))
            }
        }
        return [file]
    }
}
