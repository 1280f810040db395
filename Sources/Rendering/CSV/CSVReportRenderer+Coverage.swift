import Foundation
import ReportModel

extension CSVReportRenderer {
    /// Writes `<name>-coverage.csv` when the run checked coverage (`--coverage`): one row per task the manifest
    /// lacks or the account does not list, with the CSV conventions of the other files.
    func renderCoverage(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        guard let coverage = context.snapshot.coverage else { return [] }
        let file = try output.stream("\(context.report.name)-coverage.csv") { sink in
            let writer = try CSVTableWriter(
                sink: sink, strings: context.strings, byteOrderMark: context.options.csvByteOrderMark,
                timeZone: context.timeZone)
            try writer.writeHeader(ReportTables.coverageHeader(context.strings))
            for row in ReportTables.coverageRows(coverage, snapshot: context.snapshot) {
                try writer.writeRow(ReportTables.coverageCells(row, context.strings))
            }
        }
        return [file]
    }
}
