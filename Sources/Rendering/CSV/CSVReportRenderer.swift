import Foundation
import ReportModel

/// Writes `<name>.csv` (one row per source server) and `<name>-directories.csv` (one row per directory).
///
/// CSV stays pure data: no title, context or method statement rows, so that any CSV reader takes it as it is.
public struct CSVReportRenderer: ReportRenderer {
    public var format: ReportFormat { .csv }

    public init() {}

    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        let strings = context.strings
        let bom = context.options.csvByteOrderMark
        // Filtered once for both files (`include: problems` is a pass over every server).
        let listed = context.listedServers
        let servers = try output.stream("\(context.report.name).csv") { sink in
            let writer = try CSVTableWriter(
                sink: sink, strings: strings, byteOrderMark: bom, timeZone: context.timeZone)
            try writer.writeHeader(ReportTables.serverHeader(context))
            for server in listed {
                try writer.writeRow(ReportTables.serverRow(server, context))
            }
        }
        let directories = try output.stream("\(context.report.name)-directories.csv") { sink in
            let writer = try CSVTableWriter(
                sink: sink, strings: strings, byteOrderMark: bom, timeZone: context.timeZone)
            try writer.writeHeader(ReportTables.directoryHeader(strings))
            for server in listed {
                for row in server.directoryRows { try writer.writeRow(ReportTables.directoryRow(server, row)) }
            }
        }
        return [servers, directories] + (try renderChanges(context, to: output))
            + (try renderCoverage(context, to: output))
    }
}
