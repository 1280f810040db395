import ReportModel

/// The coverage sheet: the account's tasks the manifest lacks, then the manifest's tasks the account does not
/// list (SPEC 9); the first kind is highlighted, as they are what the report leaves out.
struct XLSXCoverageTable: XLSXTable {
    let rows: [ReportTables.CoverageRow]
    let strings: StringTable

    var idColumns: Set<Int> { [1] }

    var headers: [String] { ReportTables.coverageHeader(strings) }

    var kinds: [XLSXColumnKind] { [.text, .text, .text, .text] }

    var rowCount: Int { rows.count }

    func forEachRow(in range: Range<Int>, _ body: ([XLSXCell], XLSXHighlight) throws -> Void) rethrows {
        for row in rows[range] {
            let cells = ReportTables.coverageCells(row, strings).map { XLSXCell($0, strings, .utc) }
            try body(cells, row.gap == .coverageNotInManifest ? .inconsistent : .none)
        }
    }
}
