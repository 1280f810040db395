import ReportModel

/// The errors sheet: one row per task whose result could not be obtained.
struct XLSXErrorsTable: XLSXTable {
    let failures: [(server: ServerSummary, task: TaskRecord)]
    let context: RenderContext

    /// The report's words.
    var strings: StringTable { context.strings }

    var idColumns: Set<Int> { [0] }

    var headers: [String] {
        [
            strings[.columnTaskID], strings[.columnSourceName], strings[.columnHTTPStatus],
            strings[.columnErrorCode], strings[.columnErrorMessage],
        ]
    }

    var kinds: [XLSXColumnKind] { [.text, .text, .number, .text, .text] }

    var rowCount: Int { failures.count }

    func forEachRow(in range: Range<Int>, _ body: ([XLSXCell], XLSXHighlight) throws -> Void) rethrows {
        var cells: [XLSXCell] = []
        for (server, task) in failures[range] {
            guard let error = task.error else { continue }
            cells.removeAll(keepingCapacity: true)
            cells.append(.text(task.taskID))
            cells.append(.text(server.sourceName))
            cells.append(error.httpStatus.map(XLSXCell.number) ?? .text(""))
            cells.append(.text(error.code ?? ""))
            cells.append(.text(context.errorMessage(error)))
            try body(cells, .none)
        }
    }
}
