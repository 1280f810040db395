import Foundation
import ReportModel

/// Writes `<name>.csv` (one row per source server) and `<name>-directories.csv` (one row per directory).
public struct CSVReportRenderer: ReportRenderer {
    public var format: ReportFormat { .csv }

    public init() {}

    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        let strings = context.strings
        let bom = context.options.csvByteOrderMark
        let servers = try output.stream("\(context.report.name).csv") { sink in
            let writer = try CSVTableWriter(sink: sink, strings: strings, byteOrderMark: bom)
            try writer.writeHeader(ReportTables.serverHeader(strings))
            for server in context.summary.servers {
                try writer.writeRow(ReportTables.serverRow(server))
            }
        }
        let directories = try output.stream("\(context.report.name)-directories.csv") { sink in
            let writer = try CSVTableWriter(sink: sink, strings: strings, byteOrderMark: bom)
            try writer.writeHeader(ReportTables.directoryHeader(strings))
            for server in context.summary.servers {
                for task in server.tasks {
                    for directory in task.directories {
                        try writer.writeRow(
                            ReportTables.directoryRow(server, DirectoryRow(taskID: task.taskID, directory: directory)))
                    }
                }
            }
        }
        return [servers, directories]
    }
}
