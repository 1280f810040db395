import ReportModel

extension HTMLPage {
    /// Consistent servers shown in full (table row and directory details) before the rest are listed compactly:
    /// enough for any ordinary run, small enough that a page of 100,000 servers stays a few megabytes.
    static let fullConsistentLimit = 1_000

    /// The servers the page lists in full, and the long tail of consistent servers listed by name only.
    struct Layout {
        var full: ArraySlice<ServerSummary>
        var tail: ArraySlice<ServerSummary>
    }

    /// Splits the listed servers (worst first): every problem server and the first consistent ones in full.
    var layout: Layout {
        let servers = context.listedServers
        let problems = servers.firstIndex { $0.status == .consistent } ?? servers.endIndex
        let cut = min(servers.endIndex, problems + Self.fullConsistentLimit)
        return Layout(full: servers[..<cut], tail: servers[cut...])
    }
}
