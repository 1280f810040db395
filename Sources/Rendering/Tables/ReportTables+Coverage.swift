import ReportModel

/// The coverage table (`<name>-coverage.csv` and the XLSX sheet): the account's tasks the manifest lacks, then
/// the manifest's tasks the account does not list (SPEC 9).
extension ReportTables {
    /// One row of the coverage table, before it becomes cells.
    struct CoverageRow: Sendable, Hashable {
        /// ``StringKey/coverageNotInManifest`` or ``StringKey/coverageNotListed``.
        var gap: StringKey
        var taskID: String
        /// The listed source name, or the manifest's for a task the account does not list.
        var sourceName: String
        /// The task's state as listed; nil for a task the account does not list.
        var state: String?
    }

    /// The header of the coverage table.
    static func coverageHeader(_ strings: StringTable) -> [String] {
        [
            strings[.coverageColumnGap], strings[.columnTaskID], strings[.columnSourceName],
            strings[.coverageColumnState],
        ]
    }

    /// The tasks the manifest lacks (in listing order), then the manifest's tasks the account does not list (in
    /// manifest order, with the source name the manifest gave them).
    static func coverageRows(_ coverage: RunSummary.Coverage, snapshot: ResultsSnapshot) -> [CoverageRow] {
        let missing = coverage.notInManifest.map {
            CoverageRow(gap: .coverageNotInManifest, taskID: $0.taskID, sourceName: $0.sourceName, state: $0.state)
        }
        guard !coverage.notListed.isEmpty else { return missing }
        let wanted = Set(coverage.notListed)
        var names: [String: String] = [:]
        for task in snapshot.tasks where wanted.contains(task.taskID) && names[task.taskID] == nil {
            names[task.taskID] = task.sourceName
        }
        return missing
            + coverage.notListed.map {
                CoverageRow(gap: .coverageNotListed, taskID: $0, sourceName: names[$0] ?? "", state: nil)
            }
    }

    /// The cells of one coverage row, in ``coverageHeader(_:)`` order.
    static func coverageCells(_ row: CoverageRow, _ strings: StringTable) -> [TableCell] {
        [.text(strings[row.gap]), .text(row.taskID), .text(row.sourceName), row.state.map(TableCell.text) ?? .blank]
    }
}
