import Foundation
import ReportModel

extension HTMLPage {
    /// The per-server table, worst first as the summary sorts it; the script adds sorting and filtering
    /// (its controls stay hidden without script), and each name links to the server's directory details.
    /// Past ``HTMLPage/consistentInFull(problems:)`` consistent servers, the rest are listed compactly below the
    /// table.
    func writeServers() throws {
        let servers = layout.full
        try section("servers", heading: strings[.htmlServersHeading]) {
            if let note = context.includeNote { try html.element("p", ["class": "include-note"], text: note) }
            if forPrint { return try writePrintedServers(servers) }
            guard !servers.isEmpty else {
                if context.report.include == .all {
                    try html.element("p", ["class": "empty"], text: strings[.htmlNoServers])
                }
                return
            }
            try writeControls(serverCount: servers.count)
            try html.element("div", ["class": "table-wrap"]) {
                try html.element("table", ["id": "servers-table", "class": "grid servers"]) {
                    try writeServerHead()
                    try html.element("tbody") {
                        for (index, server) in servers.enumerated() { try writeServerRow(server, index: index) }
                    }
                }
            }
            try writeTail()
        }
    }

    /// The consistent servers past the limit in a collapsed list: names only, and where their figures are.
    private func writeTail() throws {
        let tail = layout.tail
        guard !tail.isEmpty else { return }
        let count = HTMLNumbers.integer(tail.count)
        try html.element("details", ["class": "tail"]) {
            try html.element("summary", text: strings.format(.htmlTailHeading, count))
            try html.element("p", ["class": "hint"], text: strings.format(.htmlTailNote, count))
            try writeTailNames(tail)
        }
    }

    /// The names of `tail`, numbered on from the table, until ``HTMLPage/tailByteLimit`` or `limit` names; the
    /// rest counted. `chunk` names go in one list: the printed page is laid out list by list, and one list of
    /// 77,000 names in columns took Chromium 110 s and 6.5 GB where lists of 320 took 7 s.
    func writeTailNames(_ tail: ArraySlice<ServerSummary>, limit: Int = .max, chunk: Int = .max) throws {
        var bytes = 0
        var named = 0
        var rest = tail[...]
        while !rest.isEmpty, named < limit, bytes <= Self.tailByteLimit {
            let start = rest.startIndex
            try html.element("ol", ["class": "tail-list", "start": String(start + 1)]) {
                for server in rest.prefix(min(chunk, limit - named)) {
                    bytes += server.sourceName.utf8.count + 9
                    if bytes > Self.tailByteLimit { break }
                    try html.element("li") {
                        try html.text(server.sourceName.isEmpty ? server.sourceID : server.sourceName)
                        // A consistent server verified too long ago is marked here too (SPEC 9).
                        try staleMark(server, inTable: false)
                    }
                    named += 1
                }
            }
            rest = tail[(tail.startIndex + named)...]
        }
        if named < tail.count {
            try html.element(
                "p", ["class": forPrint ? "print-note" : "hint"], text: "… +" + HTMLNumbers.integer(tail.count - named))
        }
    }

    /// The table's time format: the column header names the zone, so the cell leaves it out.
    func tableTime(_ date: Date?) -> String {
        guard let date else { return "—" }
        return ReportTime.plain(date, in: context.timeZone)
    }

    /// The id of a server's directory details, from its position (never from its data).
    func detailsID(_ index: Int) -> String { "server-\(index + 1)" }

    private func writeControls(serverCount: Int) throws {
        let count = HTMLNumbers.integer(serverCount)
        try html.element("div", ["id": "servers-controls", "class": "controls", "hidden": ""]) {
            try html.element("label", ["class": "control"]) {
                try html.element("span", text: strings[.htmlFilterLabel])
                try html.void(
                    "input",
                    [
                        "type": "search", "id": "servers-filter", "placeholder": strings[.htmlFilterPlaceholder],
                        "autocomplete": "off",
                    ])
            }
            try html.element("label", ["class": "control"]) {
                try html.element("span", text: strings[.columnStatus])
                try html.element("select", ["id": "servers-status"]) {
                    try html.element("option", ["value": ""], text: strings[.htmlStatusFilterAll])
                    for status in ServerStatus.allCases {
                        try html.element("option", ["value": status.rawValue], text: strings.status(status))
                    }
                }
            }
            try html.element(
                "p",
                [
                    "id": "servers-count", "class": "count", "aria-live": "polite",
                    "data-template": strings[.htmlFilterCount],
                ],
                text: strings.format(.htmlFilterCount, count, count))
            try html.element("p", ["class": "hint"], text: strings[.htmlSortHint])
        }
    }

    func writeServerHead() throws {
        let columns: [(StringKey, String)] = [
            (.columnTaskIDs, "text"), (.columnStatus, "rank"),
            (.columnDirectories, "num"), (.columnTotalFiles, "num"), (.columnDifferentFiles, "num"),
            (.columnMissingOnTarget, "num"), (.columnExtraOnTarget, "num"),
        ]
        try html.element("thead") {
            try html.element("tr") {
                // The source ID sits under the name, so that ids do not need a column of their own.
                try html.element("th", ["scope": "col", "data-sort": "text", "class": "text"]) {
                    try html.text(strings.breakable(.columnSourceName))
                    try html.element("span", ["class": "line sub"], text: strings[.columnSourceID])
                }
                for (key, kind) in columns {
                    try html.element(
                        "th", ["scope": "col", "data-sort": kind, "class": kind == "num" ? "num" : kind],
                        text: strings.breakable(key))
                }
                try html.element(
                    "th", ["scope": "col", "data-sort": "text", "class": "text"],
                    text: strings.breakable(.columnVerifiedAt).replacingOccurrences(of: "{0}", with: context.zoneName))
            }
        }
    }

    func writeServerRow(_ server: ServerSummary, index: Int) throws {
        try html.element("tr", ["data-status": server.status.rawValue]) {
            try html.element("td", ["class": "name"]) {
                // Printed, the details are a table of their own, with no anchor to link to.
                if !forPrint && Self.hasDetails(server) {
                    try html.element("a", ["href": "#\(detailsID(index))", "class": "clamp"], text: server.sourceName)
                } else {
                    try html.element("span", ["class": "clamp"], text: server.sourceName)
                }
                try html.element("span", ["class": "line id sub"], text: server.sourceID)
            }
            try html.element("td", ["class": "id"]) {
                // One task id is the cell's text; several get a line each.
                if server.tasks.count == 1 {
                    try html.text(server.tasks[0].taskID)
                } else {
                    for taskID in server.taskIDs { try html.element("span", ["class": "line"], text: taskID) }
                }
            }
            try html.element("td", ["data-v": "\(server.status.rank)"]) {
                try badge(server.status)
                try staleMark(server, inTable: true)
            }
            let numbers = [
                server.directoryCount, server.counts.total, server.counts.different, server.counts.missingOnTarget,
                server.counts.extraOnTarget,
            ]
            // The stylesheet aligns columns 4–9 by position: a row stays short at 100,000 servers.
            for (column, value) in numbers.enumerated() {
                guard server.hasData else {
                    // Unknown, not zero: a server without results was not checked.
                    try html.element("td", ["class": "none"], text: "—")
                    continue
                }
                // Different, missing and extra counts above zero are what a reader scans for.
                if column >= 2 && value > 0 {
                    try html.element("td", ["class": "flag"], text: HTMLNumbers.integer(value))
                } else {
                    try html.element("td", text: HTMLNumbers.integer(value))
                }
            }
            try html.element("td", text: tableTime(server.verifiedAt))
        }
    }
}
