import ReportModel

/// The changes table (`<name>-changes.csv` and the XLSX sheet): one row per changed or still-inconsistent server,
/// or one row saying why there is no comparison when the history was unavailable (SPEC 8.2).
extension ReportTables {
    /// One row of the changes table, before it becomes cells.
    struct ChangeRow: Sendable, Hashable {
        var kind: StringKey
        var key: String
        var name: String
        var before: String?
        var after: String?
        var runs: Int?
        /// Why this run is not compared (the history's error): the row is a statement, not a server.
        var unavailable: String?
    }

    /// The header of the changes table.
    static func changesHeader(_ strings: StringTable) -> [String] {
        [
            strings[.changesColumnChange], strings[.columnSourceName], strings[.changesColumnKey],
            strings[.changesColumnBefore], strings[.changesColumnAfter], strings[.changesColumnRuns],
        ]
    }

    /// The rows in SPEC 6 order: newly inconsistent, resolved, newly verified, new, gone, then still inconsistent.
    static func changeRows(_ changes: RunChanges) -> [ChangeRow] {
        if let reason = changes.unavailable {
            return [ChangeRow(kind: .changesHistoryUnavailable, key: "", name: "", unavailable: reason)]
        }
        let runs = Dictionary(
            changes.stillInconsistent.map { ($0.key, $0.runs) }, uniquingKeysWith: { first, _ in first })
        func rows(_ kind: StringKey, _ list: [RunChanges.Change]) -> [ChangeRow] {
            list.map {
                ChangeRow(
                    kind: kind, key: $0.key, name: $0.name, before: $0.before, after: $0.after, runs: runs[$0.key])
            }
        }
        let newlyInconsistent = Set(changes.newlyInconsistent.map(\.key))
        let still = changes.stillInconsistent.filter { !newlyInconsistent.contains($0.key) }.map {
            ChangeRow(
                kind: .changesStillInconsistent, key: $0.key, name: $0.name, before: "inconsistent",
                after: "inconsistent", runs: $0.runs)
        }
        return rows(.changesNewlyInconsistent, changes.newlyInconsistent) + rows(.changesResolved, changes.resolved)
            + rows(.changesNewlyVerified, changes.newlyVerified) + rows(.changesNewServer, changes.newServers)
            + rows(.changesGone, changes.gone) + (changes.hasPrevious ? still : [])
    }

    /// The cells of one change row, in ``changesHeader(_:)`` order.
    static func changeCells(_ row: ChangeRow, _ strings: StringTable) -> [TableCell] {
        if let reason = row.unavailable {
            return [.text(historyUnavailable(reason, strings))] + Array(repeating: .blank, count: 5)
        }
        return [
            .text(strings[row.kind]), .text(row.name), .text(row.key), statusCell(row.before, strings),
            statusCell(row.after, strings), row.runs.map(TableCell.integer) ?? .blank,
        ]
    }

    /// The statement that the history was unavailable, followed by why (it names the file, never a secret).
    static func historyUnavailable(_ reason: String, _ strings: StringTable) -> String {
        strings[.changesHistoryUnavailable] + " " + reason
    }

    /// A status stored as text: the localized word when this build knows it, "(not in the run)" when absent.
    static func statusCell(_ status: String?, _ strings: StringTable) -> TableCell {
        guard let status else { return .text(strings[.changesAbsent]) }
        return ServerStatus(rawValue: status).map(TableCell.status) ?? .text(status)
    }
}
