import ReportModel

/// The changes sheet: one row per changed or still-inconsistent server since the previous run (SPEC 6).
struct XLSXChangesTable: XLSXTable {
    let rows: [ReportTables.ChangeRow]
    let strings: StringTable

    var idColumns: Set<Int> { [2] }

    var headers: [String] { ReportTables.changesHeader(strings) }

    var kinds: [XLSXColumnKind] { [.text, .text, .text, .text, .text, .number] }

    var rowCount: Int { rows.count }

    func forEachRow(in range: Range<Int>, _ body: ([XLSXCell], XLSXHighlight) throws -> Void) rethrows {
        for row in rows[range] {
            let cells = ReportTables.changeCells(row, strings).map { XLSXCell($0, strings, .utc) }
            try body(cells, row.after == "inconsistent" ? .inconsistent : .none)
        }
    }
}
