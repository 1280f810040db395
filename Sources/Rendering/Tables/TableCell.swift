import Foundation
import ReportModel

/// A typed value in a report table, so each format writes it its own way (a CSV field, a numeric cell, …).
public enum TableCell: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A date shown to the second in UTC; nil when unknown (an empty cell).
    case date(Date?)
    case status(ServerStatus)
}

/// A table's localized header and its rows of typed cells, built from the summary for every format.
public enum ReportTables {
    /// The servers table (SPEC 3 CSV `<name>.csv`): one row per source server.
    public static func serverHeader(_ strings: StringTable) -> [String] {
        [
            strings[.columnSourceName], strings[.columnSourceID], strings[.columnTaskIDs], strings[.columnStatus],
            strings[.columnDirectories], strings[.columnTotalFiles], strings[.columnDifferentFiles],
            strings[.columnMissingOnTarget], strings[.columnExtraOnTarget], strings[.columnVerifiedAt],
            strings[.columnError],
        ]
    }

    /// The cells of one server's row, in ``serverHeader(_:)`` order.
    public static func serverRow(_ server: ServerSummary) -> [TableCell] {
        [
            .text(server.sourceName), .text(server.sourceID), .text(server.taskIDs.joined(separator: ";")),
            .status(server.status), .integer(server.directoryCount), .integer(server.counts.total),
            .integer(server.counts.different), .integer(server.counts.missingOnTarget),
            .integer(server.counts.extraOnTarget), .date(server.verifiedAt), .text(errorText(server)),
        ]
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

    /// `CODE: message (HTTP n)`; with several failed tasks, each prefixed by its task id and joined by `; `.
    public static func errorText(_ server: ServerSummary) -> String {
        let errors = server.errors
        if errors.count == 1 && server.tasks.count == 1 { return errors[0].error.displayText }
        return errors.map { "\($0.taskID): \($0.error.displayText)" }.joined(separator: "; ")
    }
}
