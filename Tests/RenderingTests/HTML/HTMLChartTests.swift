import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The charts are computed at render time from the summary.
@Suite struct HTMLChartTests {
    static func server(_ name: String, different: Int) -> ServerSummary {
        ServerSummary(
            key: name,
            tasks: [
                TaskRecord(
                    taskID: "t-" + name, sourceID: name, sourceName: name,
                    directories: [DirectoryResult(path: "/", counts: FileCounts(total: 100, different: different))])
            ])
    }

    @Test func mostDifferingSortsByWeightKeepsOrderOnTiesAndSkipsCleanServers() {
        let servers = [("a", 5), ("b", 0), ("c", 9), ("d", 5), ("e", 1)].map { Self.server($0.0, different: $0.1) }
        #expect(HTMLPage.mostDiffering(servers, limit: 3).map(\.sourceName) == ["c", "a", "d"])
        #expect(HTMLPage.mostDiffering(servers, limit: 10).map(\.sourceName) == ["c", "a", "d", "e"])
    }

    @Test func shortensLabelsByDisplayWidth() {
        #expect(HTMLPage.shortened("short", width: 10) == "short")
        #expect(HTMLPage.shortened("abcdefghijkl", width: 10) == "abcdefghi…")
        #expect(HTMLPage.shortened("服务器服务器服务器", width: 10) == "服务器服…")
    }

    @Test func ringAndBarsAreInlineSVG() throws {
        let html = try HTMLRendering.render(HTMLRendering.plain()).text
        #expect(HTMLRendering.count("<svg viewBox=", in: html) == 2)
        #expect(HTMLRendering.count("class=\"ring-part ", in: html) == 4)
        #expect(html.contains("<title>Different files: 3</title>"))
        let clean = HTMLRendering.plain().tasks.filter { $0.sourceName != "web-01" }
        var snapshot = HTMLRendering.plain()
        snapshot.tasks = clean
        let calm = try HTMLRendering.render(snapshot).text
        #expect(calm.contains("No server has differing, missing or extra files."))
    }
}
