import ReportModel

/// The directories sheets: one row per verified directory of each server's tasks, in report order.
struct XLSXDirectoriesTable: XLSXTable {
    let servers: [ServerSummary]
    let strings: StringTable
    let rowCount: Int

    init(servers: [ServerSummary], strings: StringTable) {
        self.servers = servers
        self.strings = strings
        rowCount = servers.reduce(0) { $0 + $1.directoryCount }
    }

    var headers: [String] {
        [
            strings[.columnSourceName], strings[.columnSourceID], strings[.columnTaskID], strings[.columnDirectory],
            strings[.columnTotalFiles], strings[.columnDifferentFiles], strings[.columnMissingOnTarget],
            strings[.columnExtraOnTarget], strings[.columnStatus],
        ]
    }

    var kinds: [XLSXColumnKind] { [.text, .text, .text, .text, .number, .number, .number, .number, .text] }

    func forEachRow(in range: Range<Int>, _ body: ([XLSXCell], XLSXHighlight) throws -> Void) rethrows {
        var cells: [XLSXCell] = []
        cells.reserveCapacity(9)
        let consistent = strings.status(.consistent)
        let inconsistent = strings.status(.inconsistent)
        var index = 0
        for server in servers {
            // Whole servers before the range are skipped by their count, without visiting their directories.
            if index + server.directoryCount <= range.lowerBound {
                index += server.directoryCount
                continue
            }
            for task in server.tasks {
                for directory in task.directories {
                    defer { index += 1 }
                    if index < range.lowerBound { continue }
                    if index >= range.upperBound { return }
                    let bad = directory.isInconsistent
                    cells.removeAll(keepingCapacity: true)
                    cells.append(.text(server.sourceName))
                    cells.append(.text(server.sourceID))
                    cells.append(.text(task.taskID))
                    cells.append(.text(directory.path))
                    cells.append(.number(directory.counts.total))
                    cells.append(.number(directory.counts.different))
                    cells.append(.number(directory.counts.missingOnTarget))
                    cells.append(.number(directory.counts.extraOnTarget))
                    cells.append(.text(bad ? inconsistent : consistent))
                    try body(cells, bad ? .inconsistent : .none)
                }
            }
        }
    }
}
