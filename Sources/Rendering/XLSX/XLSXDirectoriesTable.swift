import ReportModel

/// The directories sheets: one row per verified directory of each server's tasks, in report order.
struct XLSXDirectoriesTable: XLSXTable {
    let servers: [ServerSummary]
    let strings: StringTable
    let rowCount: Int

    var idColumns: Set<Int> { [1, 2] }

    init(servers: [ServerSummary], strings: StringTable) {
        self.servers = servers
        self.strings = strings
        rowCount = servers.reduce(0) { $0 + $1.directoryCount }
    }

    var headers: [String] { ReportTables.directoryHeader(strings) }

    var kinds: [XLSXColumnKind] { [.text, .text, .text, .text, .number, .number, .number, .number, .text] }

    func forEachRow(in range: Range<Int>, _ body: ([XLSXCell], XLSXHighlight) throws -> Void) rethrows {
        var cells: [XLSXCell] = []
        cells.reserveCapacity(9)
        var index = 0
        for server in servers {
            // Whole servers before the range are skipped by their count, without visiting their directories.
            if index + server.directoryCount <= range.lowerBound {
                index += server.directoryCount
                continue
            }
            var local = 0
            for task in server.tasks {
                for directory in task.directories {
                    defer {
                        index += 1
                        local += 1
                    }
                    if index < range.lowerBound { continue }
                    if index >= range.upperBound { return }
                    let row = DirectoryRow(
                        taskID: task.taskID, directory: directory, waiver: server.acceptances[local])
                    cells.removeAll(keepingCapacity: true)
                    for cell in ReportTables.directoryRow(server, row) {
                        cells.append(XLSXCell(cell, strings, .utc))
                    }
                    try body(cells, row.status == .inconsistent ? .inconsistent : .none)
                }
            }
        }
    }
}
