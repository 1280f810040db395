import ReportModel

/// The servers sheet: one row per source server, with the CSV report's columns (SPEC 3).
struct XLSXServersTable: XLSXTable {
    let servers: [ServerSummary]
    let context: RenderContext

    var headers: [String] { ReportTables.serverHeader(context) }

    var idColumns: Set<Int> { [1, 2] }

    var kinds: [XLSXColumnKind] {
        [.text, .text, .text, .text, .number, .number, .number, .number, .number, .date, .text]
            + (context.report.maxAge == nil ? [] : [.text])
    }

    var rowCount: Int { servers.count }

    func forEachRow(in range: Range<Int>, _ body: ([XLSXCell], XLSXHighlight) throws -> Void) rethrows {
        var cells: [XLSXCell] = []
        cells.reserveCapacity(12)
        for server in servers[range] {
            cells.removeAll(keepingCapacity: true)
            cells.append(
                contentsOf: ReportTables.serverRow(server, context).map {
                    XLSXCell($0, context.strings, context.timeZone)
                })
            try body(cells, Self.highlight(server.status))
        }
    }

    /// Inconsistent and error rows stand out; the others are plain.
    static func highlight(_ status: ServerStatus) -> XLSXHighlight {
        switch status {
        case .inconsistent: .inconsistent
        case .error: .error
        case .notVerified, .accepted, .consistent: .none
        }
    }
}
