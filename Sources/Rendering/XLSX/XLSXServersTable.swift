import ReportModel

/// The servers sheet: one row per source server, with the CSV report's columns (SPEC 3).
struct XLSXServersTable: XLSXTable {
    let servers: [ServerSummary]
    let strings: StringTable

    var headers: [String] {
        [
            strings[.columnSourceName], strings[.columnSourceID], strings[.columnTaskIDs], strings[.columnStatus],
            strings[.columnDirectories], strings[.columnTotalFiles], strings[.columnDifferentFiles],
            strings[.columnMissingOnTarget], strings[.columnExtraOnTarget], strings[.columnVerifiedAt],
            strings[.columnError],
        ]
    }

    var kinds: [XLSXColumnKind] {
        [.text, .text, .text, .text, .number, .number, .number, .number, .number, .date, .text]
    }

    var rowCount: Int { servers.count }

    func forEachRow(in range: Range<Int>, _ body: ([XLSXCell], XLSXHighlight) throws -> Void) rethrows {
        var cells: [XLSXCell] = []
        cells.reserveCapacity(11)
        for server in servers[range] {
            cells.removeAll(keepingCapacity: true)
            cells.append(.text(server.sourceName))
            cells.append(.text(server.sourceID))
            cells.append(.text(server.taskIDs.joined(separator: ";")))
            cells.append(.text(strings.status(server.status)))
            cells.append(.number(server.directoryCount))
            cells.append(.number(server.counts.total))
            cells.append(.number(server.counts.different))
            cells.append(.number(server.counts.missingOnTarget))
            cells.append(.number(server.counts.extraOnTarget))
            cells.append(.date(server.verifiedAt))
            cells.append(.text(server.errors.map(\.error.displayText).joined(separator: "; ")))
            try body(cells, Self.highlight(server.status))
        }
    }

    /// Inconsistent and error rows stand out; the others are plain.
    static func highlight(_ status: ServerStatus) -> XLSXHighlight {
        switch status {
        case .inconsistent: .inconsistent
        case .error: .error
        case .notVerified, .consistent: .none
        }
    }
}
