import ReportModel

/// The page the PDF is printed from (SPEC 9, sizes): problems first and in full, consistent servers by name, and
/// a bounded number of pages whatever the run's size.
///
/// Chromium keeps every laid-out page until the PDF is written, about 7 MB each: at 100,000 tasks the page with
/// every problem server and every consistent name was 1,100 pages, 17 GB and 281 s. So the printed tables stop
/// at ``printedRowLimit`` rows and the names at ``printedNameLimit``, each saying how many are left out and where
/// they are; a run of 10,000 tasks (1,543 problem servers, 1,100 directories with differences, 7,688 consistent
/// servers) prints whole. Tables and lists are written in chunks, which Blink lays out many times faster than
/// one long table or list.
extension HTMLPage {
    /// Rows of the printed server table and of the printed directory table, each.
    static let printedRowLimit = 3_000
    /// Consistent servers named in the PDF.
    static let printedNameLimit = 10_000
    /// Rows per printed `<table>`, names per printed list.
    static let printedChunk = 250

    /// The problem servers' table rows, worst first, in tables of ``printedChunk`` rows.
    func writePrintedServers(_ servers: ArraySlice<ServerSummary>) throws {
        guard !servers.isEmpty else {
            // As on screen: nothing listed says so unless the include note already did.
            guard context.report.include == .all else { return }
            let empty: StringKey = context.listedServers.isEmpty ? .htmlNoServers : .printNoProblemServers
            return try html.element("p", ["class": "empty"], text: strings[empty])
        }
        let printed = servers.prefix(Self.printedRowLimit)
        if printed.count < servers.count {
            try html.element(
                "p", ["class": "print-note"],
                text: strings.format(
                    .printServersCut, HTMLNumbers.integer(printed.count), HTMLNumbers.integer(servers.count)))
        }
        for start in stride(from: printed.startIndex, to: printed.endIndex, by: Self.printedChunk) {
            try html.element("table", ["class": "grid servers"]) {
                try writeServerHead()
                try html.element("tbody") {
                    for index in start..<min(start + Self.printedChunk, printed.endIndex) {
                        try writeServerRow(printed[index], index: index)
                    }
                }
            }
        }
    }

    /// The PDF's directory detail: one table of every directory with differences of the problem servers (accepted
    /// ones included), the server named on each row, and in the last column of a server's first row how many
    /// consistent directories it has besides. The note above the table says so, and where the rest is.
    func writePrintedDirectories(_ servers: ArraySlice<ServerSummary>) throws {
        try section("directories", heading: strings[.htmlDirectoriesHeading]) {
            try html.element("p", ["class": "print-note"], text: strings[.printDetailsNote])
            let total = servers.reduce(0) { count, server in
                count + server.directoryRows.lazy.filter { $0.status != .consistent }.count
            }
            guard total > 0 else {
                return try html.element("p", ["class": "empty"], text: strings[.printNoDifferingDirectories])
            }
            if total > Self.printedRowLimit {
                try html.element(
                    "p", ["class": "print-note"],
                    text: strings.format(
                        .printDirectoriesCut, HTMLNumbers.integer(Self.printedRowLimit), HTMLNumbers.integer(total)))
            }
            var chunk: [PrintedDirectory] = []
            var written = 0
            for server in servers where written < Self.printedRowLimit {
                for row in printedDirectories(of: server).prefix(Self.printedRowLimit - written) {
                    chunk.append(row)
                    written += 1
                    if chunk.count == Self.printedChunk { try writePrintedDirectoryTable(&chunk) }
                }
            }
            try writePrintedDirectoryTable(&chunk)
        }
    }

    /// One printed directory row: the server's name, the directory, and on a server's first row the count of
    /// its consistent directories.
    struct PrintedDirectory {
        var serverName: String
        var row: DirectoryRow
        var consistentNote: String
    }

    /// The directories with differences of `server`; none when it has none.
    private func printedDirectories(of server: ServerSummary) -> [PrintedDirectory] {
        let rows = server.directoryRows
        let differing = rows.filter { $0.status != .consistent }
        guard !differing.isEmpty else { return [] }
        let consistent = rows.filter { $0.status == .consistent }
        let note =
            consistent.isEmpty
            ? ""
            : strings.format(
                .printConsistentDirectories, HTMLNumbers.integer(consistent.count),
                HTMLNumbers.integer(consistent.reduce(0) { $0 + $1.directory.counts.total }))
        return differing.enumerated().map { offset, row in
            PrintedDirectory(serverName: server.sourceName, row: row, consistentNote: offset == 0 ? note : "")
        }
    }

    /// Writes `chunk` as one table and empties it; nothing when it is empty.
    private func writePrintedDirectoryTable(_ chunk: inout [PrintedDirectory]) throws {
        guard !chunk.isEmpty else { return }
        try html.element("table", ["class": "grid printed"]) {
            try html.element("thead") {
                try html.element("tr") {
                    for key: StringKey in [
                        .columnSourceName, .columnTaskID, .columnDirectory, .columnTotalFiles, .columnDifferentFiles,
                        .columnMissingOnTarget, .columnExtraOnTarget, .columnStatus, .printConsistentColumn,
                    ] {
                        try html.element("th", text: strings.breakable(key))
                    }
                }
            }
            try html.element("tbody") {
                for printed in chunk {
                    try html.element("tr") {
                        try html.element("td", ["class": "name"]) {
                            try html.element("span", ["class": "clamp"], text: printed.serverName)
                        }
                        try writeDirectoryCells(printed.row)
                        try html.element("td", text: printed.consistentNote)
                    }
                }
            }
        }
        chunk.removeAll(keepingCapacity: true)
    }

    /// Printed, every consistent server by name in columns, in a section of its own after the problems' details
    /// (SPEC 3: printed, problems come first), at most ``printedNameLimit`` of them.
    func writePrintedTail() throws {
        let tail = layout.tail
        guard forPrint, !tail.isEmpty else { return }
        let count = HTMLNumbers.integer(tail.count)
        try section("consistent-servers", heading: strings.format(.printTailHeading, count)) {
            try html.element("p", ["class": "print-note"], text: strings.format(.printTailNote, count))
            try writeTailNames(tail, limit: Self.printedNameLimit, chunk: Self.printedChunk)
        }
    }
}
