import ReportModel

extension HTMLPage {
    /// Consistent servers shown in full (table row and directory details) before the rest are listed compactly:
    /// enough for any ordinary run, small enough that a page of 100,000 servers stays a few megabytes.
    static let fullConsistentLimit = 1_000
    /// Servers shown in full past which no consistent one is: the problem servers always are, and consistent
    /// ones only fill what is left of this, at most ``fullConsistentLimit``. A page with 15,000 problem servers
    /// gains nothing from 1,000 consistent examples but 2 MB (SPEC 3: at most 25 MB at 100,000 servers).
    static let fullRowBudget = 10_000

    /// How many consistent servers are shown in full on a page with `problems` problem servers.
    static func consistentInFull(problems: Int) -> Int {
        min(fullConsistentLimit, max(0, fullRowBudget - problems))
    }

    /// The servers the page lists in full, and the long tail of consistent servers listed by name only.
    struct Layout {
        var full: ArraySlice<ServerSummary>
        var tail: ArraySlice<ServerSummary>
    }

    /// Tail names are listed until they take this many bytes; the rest are counted, not named.
    static let tailByteLimit = 4_000_000

    /// Whether a server has directory details: directories or task errors. A server never verified has
    /// neither, and its table row says all there is.
    static func hasDetails(_ server: ServerSummary) -> Bool {
        server.directoryCount > 0 || server.tasks.contains { $0.error != nil }
    }

    /// Splits the listed servers (worst first): every problem server and the first consistent ones in full.
    /// Printed, only problem servers are in full: the PDF lists consistent servers by name (SPEC 9, sizes).
    var layout: Layout {
        let servers = context.listedServers
        let problems = servers.firstIndex { $0.status == .consistent } ?? servers.endIndex
        let cut = forPrint ? problems : min(servers.endIndex, problems + Self.consistentInFull(problems: problems))
        return Layout(full: servers[..<cut], tail: servers[cut...])
    }
}
