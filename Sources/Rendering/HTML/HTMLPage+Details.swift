import Foundation
import ReportModel

extension HTMLPage {
    /// Names longer than this are clamped in summaries and tables, so the details repeat them in full.
    static let longNameLength = 100

    /// One collapsed `<details>` per server in the table with its directories (and its errors), in table order;
    /// printed, problem servers are open and consistent ones left out.
    func writeDirectories() throws {
        let servers = layout.full
        guard !servers.isEmpty else { return }
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
        let kind = "server s-\(server.status.rawValue)"
        let attributes: KeyValuePairs<String, String> =
            forPrint && server.status != .consistent
            ? ["id": id, "class": kind, "open": ""] : ["id": id, "class": kind]
        try html.element("details", attributes) {
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
    private func writeDirectoryTable(_ rows: [DirectoryRow], showTasks: Bool) throws {
        let headers: [(StringKey, Bool)] =
            (showTasks ? [(.columnTaskID, false)] : []) + [
                (.columnDirectory, false), (.columnTotalFiles, true),
                (.columnDifferentFiles, true), (.columnMissingOnTarget, true), (.columnExtraOnTarget, true),
                (.columnStatus, false),
            ]
        try html.element("table", ["class": "grid directories"]) {
            try html.element("thead") {
                try html.element("tr") {
                    for (key, numeric) in headers {
                        try html.element("th", numeric ? ["class": "num"] : [:], text: strings.breakable(key))
                    }
                }
            }
            try html.element("tbody") {
                for row in rows {
                    try html.element("tr") {
                        if showTasks { try html.element("td", ["class": "id"], text: row.taskID) }
                        try html.element("td", ["class": "path"], text: row.directory.path)
                        let counts = row.directory.counts
                        for (column, value) in [
                            counts.total, counts.different, counts.missingOnTarget, counts.extraOnTarget,
                        ]
                        .enumerated() {
                            let flagged = column > 0 && value > 0
                            try html.element(
                                "td", ["class": flagged ? "num flag" : "num"], text: HTMLNumbers.integer(value))
                        }
                        try html.element("td") {
                            try badge(row.status)
                            if let waiver = row.waiver {
                                let why = waiver.reason.isEmpty ? waiver.id : "\(waiver.id) — \(waiver.reason)"
                                try html.element(
                                    "div", ["class": "sub waiver"], text: strings.format(.waiverAcceptedBy, why))
                            }
                        }
                    }
                }
            }
        }
    }
}
