import Foundation
import ReportModel

extension HTMLPage {
    /// Names longer than this are clamped in summaries and tables, so the details repeat them in full.
    static let longNameLength = 100

    /// One collapsed `<details>` per server in the table with its directories (and its errors), in table order;
    /// printed, one table of the directories that differ instead (``writePrintedDirectories(_:)``).
    func writeDirectories() throws {
        let servers = layout.full
        guard !servers.isEmpty else { return }
        if forPrint { return try writePrintedDirectories(servers) }
        try section("directories", heading: strings[.htmlDirectoriesHeading]) {
            try html.element("p", ["class": "hint"], text: strings[.htmlDetailsHint])
            try html.element("div", ["class": "details-list"]) {
                for (index, server) in servers.enumerated() where Self.hasDetails(server) {
                    try writeDetails(server, index: index)
                }
            }
        }
    }

    private func writeDetails(_ server: ServerSummary, index: Int) throws {
        let id = detailsID(index)
        try html.element("details", ["id": id, "class": "server s-\(server.status.rawValue)"]) {
            try html.element("summary") {
                try html.element("span", ["class": "summary-name clamp"], text: server.sourceName)
                try badge(server.status)
                try staleMark(server, inTable: false)
                try html.element(
                    "span", ["class": "summary-counts"],
                    text: server.hasData
                        ? strings.format(
                            .htmlDetailsCounts, HTMLNumbers.integer(server.directoryCount),
                            HTMLNumbers.integer(server.counts.total))
                        : strings.format(.htmlDetailsCounts, "—", "—"))
            }
            try html.element("div", ["class": "details-body"]) {
                // The table row already shows ids and times; only a clamped name needs repeating in full.
                if server.sourceName.count > Self.longNameLength {
                    try html.element("p", ["class": "long"], text: server.sourceName)
                }
                for (taskID, error) in server.errors {
                    try html.element("p", ["class": "error-line"]) {
                        try html.element("span", ["class": "id"], text: taskID)
                        try html.text(" — " + context.errorText(error))
                    }
                }
                let rows = server.directoryRows
                if rows.isEmpty {
                    try html.element("p", ["class": "empty"], text: strings[.htmlNoDirectories])
                } else {
                    try writeDirectoryTable(rows, showTasks: server.tasks.count > 1)
                }
            }
        }
    }

    /// The directories of one server; the task column appears only when the server has several tasks.
    ///
    /// A page of 100,000 servers holds some 100,000 of these rows, so they carry no class the stylesheet can
    /// infer from the column's position (path, counts, status are the last six cells): only a count above zero
    /// is marked (`flag`), and the status cell names its status (`s-…`), styled as coloured words.
    private func writeDirectoryTable(_ rows: [DirectoryRow], showTasks: Bool) throws {
        let headers: [StringKey] =
            (showTasks ? [.columnTaskID] : []) + [
                .columnDirectory, .columnTotalFiles, .columnDifferentFiles, .columnMissingOnTarget,
                .columnExtraOnTarget, .columnStatus,
            ]
        try html.element("table", ["class": "grid directories"]) {
            try html.element("thead") {
                try html.element("tr") {
                    for key in headers { try html.element("th", text: strings.breakable(key)) }
                }
            }
            try html.element("tbody") {
                for row in rows {
                    try html.element("tr") { try writeDirectoryCells(row, showTask: showTasks) }
                }
            }
        }
    }

    /// A directory row's cells: the task ID when `showTask`, the path, the four counts (above zero flagged) and
    /// the status, with the waiver that accepts the differences.
    func writeDirectoryCells(_ row: DirectoryRow, showTask: Bool = true) throws {
        if showTask { try html.element("td", text: row.taskID) }
        try html.element("td", text: row.directory.path)
        let counts = row.directory.counts
        for (column, value) in [counts.total, counts.different, counts.missingOnTarget, counts.extraOnTarget]
            .enumerated()
        {
            let text = HTMLNumbers.integer(value)
            if column > 0 && value > 0 {
                try html.element("td", ["class": "flag"], text: text)
            } else {
                try html.element("td", text: text)
            }
        }
        try html.element("td", ["class": "s-\(row.status.rawValue)"]) {
            try html.text(strings.status(row.status))
            if let waiver = row.waiver {
                let why = waiver.reason.isEmpty ? waiver.id : "\(waiver.id) — \(waiver.reason)"
                try html.element("div", ["class": "sub waiver"], text: strings.format(.waiverAcceptedBy, why))
            }
        }
    }
}
