import Foundation
import ReportModel

/// A typed value in a report table, so each format writes it its own way (a CSV field, a numeric cell, …).
public enum TableCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A date shown to the second in UTC; nil when unknown (an empty cell).
    case date(Date?)
    case status(ServerStatus)
    /// A figure that is unknown (no data for the server): empty in CSV and XLSX, a dash in HTML; never 0.
    case blank
    /// A server's freshness under `max_age` (SPEC 9): yes or no in CSV, the stale mark with the age (or no) in XLSX.
    case freshness(Freshness)
}

/// A table's localized header and its rows of typed cells, built from the summary for every format.
public enum ReportTables {
    /// The servers table (SPEC 3 CSV `<name>.csv`): one row per source server; with `max_age` (SPEC 9) a last
    /// column says whether the server is stale.
    static func serverHeader(_ context: RenderContext) -> [String] {
        let strings = context.strings
        let stale = context.report.maxAge == nil ? [] : [strings[.columnStale]]
        return [
            strings[.columnSourceName], strings[.columnSourceID], strings[.columnTaskIDs], strings[.columnStatus],
            strings[.columnDirectories], strings[.columnTotalFiles], strings[.columnDifferentFiles],
            strings[.columnMissingOnTarget], strings[.columnExtraOnTarget], context.verifiedAtHeader,
            strings[.columnError],
        ] + stale
    }

    /// The cells of one server's row, in ``serverHeader(_:)`` order.
    static func serverRow(_ server: ServerSummary, _ context: RenderContext) -> [TableCell] {
        // A server without data has unknown counts, which must not read as "checked, no differences".
        func figure(_ value: Int) -> TableCell { server.hasData ? .integer(value) : .blank }
        return [
            .text(server.sourceName), .text(server.sourceID), .text(server.taskIDs.joined(separator: ";")),
            .status(server.status), figure(server.directoryCount), figure(server.counts.total),
            figure(server.counts.different), figure(server.counts.missingOnTarget),
            figure(server.counts.extraOnTarget), .date(server.verifiedAt), .text(context.errorText(server)),
        ] + (context.freshness(of: server).map { [.freshness($0)] } ?? [])
    }

    /// The directories table (SPEC 3 CSV `<name>-directories.csv`): one row per verified directory.
    public static func directoryHeader(_ strings: StringTable) -> [String] {
        [
            strings[.columnSourceName], strings[.columnSourceID], strings[.columnTaskID], strings[.columnDirectory],
            strings[.columnTotalFiles], strings[.columnDifferentFiles], strings[.columnMissingOnTarget],
            strings[.columnExtraOnTarget], strings[.columnStatus],
        ]
    }

    /// The cells of one directory's row, in ``directoryHeader(_:)`` order.
    public static func directoryRow(_ server: ServerSummary, _ row: DirectoryRow) -> [TableCell] {
        let counts = row.directory.counts
        return [
            .text(server.sourceName), .text(server.sourceID), .text(row.taskID), .text(row.directory.path),
            .integer(counts.total), .integer(counts.different), .integer(counts.missingOnTarget),
            .integer(counts.extraOnTarget), .status(row.status),
        ]
    }
}
