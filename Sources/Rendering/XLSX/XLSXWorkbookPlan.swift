import ReportModel

/// The sheets of one workbook in SPEC order, with legal localized names and what each shows.
struct XLSXWorkbookPlan: Sendable {
    /// What a sheet shows.
    enum Content: Sendable {
        case overview
        /// Rows `range` of `table`: a whole table, or one part of the directories past the row limit.
        case table(any XLSXTable, Range<Int>)
    }

    /// One sheet: its name on the tab, its content and its part name in the package.
    struct Sheet: Sendable {
        var name: String
        var content: Content
        /// 1-based, as in `xl/worksheets/sheet1.xml` and `rId1`.
        var number: Int

        var partName: String { "xl/worksheets/sheet\(number).xml" }
    }

    let sheets: [Sheet]

    /// Plans overview, servers, directories (split every `limits.dataRowsPerSheet` rows), errors when some task
    /// failed, and coverage when the run checked it.
    init(context: RenderContext, limits: XLSXLimits) {
        let strings = context.strings
        let listed = context.listedServers
        var sheets: [Sheet] = []
        func add(_ proposed: String, _ content: Content) {
            let name = XLSXSheetName.legal(proposed, taken: sheets.map(\.name), fallback: String(sheets.count + 1))
            sheets.append(Sheet(name: name, content: content, number: sheets.count + 1))
        }
        add(strings[.sheetOverview], .overview)
        if let changes = context.changes {
            let table = XLSXChangesTable(rows: ReportTables.changeRows(changes), strings: strings)
            add(strings[.changesSheet], .table(table, 0..<table.rowCount))
        }
        let servers = XLSXServersTable(servers: listed, context: context)
        add(strings[.sheetServers], .table(servers, 0..<servers.rowCount))
        let directories = XLSXDirectoriesTable(servers: listed, strings: strings)
        let perSheet = limits.dataRowsPerSheet
        let parts = max(1, (directories.rowCount + perSheet - 1) / perSheet)
        for part in 0..<parts {
            let range = (part * perSheet)..<min(directories.rowCount, (part + 1) * perSheet)
            let name = part == 0 ? strings[.sheetDirectories] : strings.format(.sheetDirectoriesContinued, part + 1)
            add(name, .table(directories, range))
        }
        let failures = context.summary.failedTasks
        if !failures.isEmpty {
            let errors = XLSXErrorsTable(failures: failures, context: context)
            add(strings[.sheetErrors], .table(errors, 0..<errors.rowCount))
        }
        if let coverage = context.snapshot.coverage {
            let table = XLSXCoverageTable(
                rows: ReportTables.coverageRows(coverage, snapshot: context.snapshot), strings: strings)
            add(strings[.coverageSheet], .table(table, 0..<table.rowCount))
        }
        self.sheets = sheets
    }
}
