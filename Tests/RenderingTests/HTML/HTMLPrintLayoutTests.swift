import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The page the PDF is printed from (SPEC 9, sizes) and the size rules of the screen page (SPEC 3), checked in
/// the markup; `HandoverPrintTests` prints it with Chromium.
@Suite struct HTMLPrintLayoutTests {
    /// `problems` inconsistent servers, each with one directory with differences and one consistent directory,
    /// and `consistent` consistent servers.
    static func snapshot(problems: Int, consistent: Int) -> ResultsSnapshot {
        var snapshot = HTMLRendering.plain()
        snapshot.tasks = (0..<(problems + consistent)).map { index in
            TaskRecord(
                taskID: String(format: "%08x-0000-4000-8000-%012x", index, index), sourceID: "src-\(index)",
                sourceName: "server-\(index)", finishedTime: 1_794_980_000_000,
                directories: [
                    DirectoryResult(path: "/srv", counts: FileCounts(total: 10, different: index < problems ? 2 : 0)),
                    DirectoryResult(path: "/home", counts: FileCounts(total: 5)),
                ])
        }
        return snapshot
    }

    @Test func thePrintedPageHasProblemsThenTheirDirectoriesThenConsistentServersByName() throws {
        let html = try HTMLRendering.render(HTMLRendering.plain(), forPrint: true).text
        // Problems only in the table: web-01 (inconsistent), cache-01 (error), app-01 (not verified).
        #expect(HTMLRendering.count("<tr data-status=", in: html) == 3)
        #expect(!html.contains("<tr data-status=\"consistent\""))
        // Their directories with differences, in one table; no collapsed details and no links to them.
        #expect(
            html.contains(
                "<td>/srv</td><td>1,200</td><td class=\"flag\">3</td><td>0</td><td>0</td>"
                    + "<td class=\"s-inconsistent\">Inconsistent</td><td></td></tr>"))
        #expect(html.contains("counts its consistent directories without listing them"))
        #expect(!html.contains("<details") && !html.contains("href=\"#server-"))
        // db-01, the consistent server, by name in a section of its own after the directories.
        #expect(html.contains("<h2 id=\"consistent-servers-h\">Consistent servers (1)</h2>"))
        #expect(html.contains("<ol class=\"tail-list\" start=\"4\"><li>db-01</li></ol>"))
        let servers = try #require(html.range(of: "<section id=\"servers\""))
        let directories = try #require(html.range(of: "<section id=\"directories\""))
        let names = try #require(html.range(of: "<section id=\"consistent-servers\""))
        #expect(servers.lowerBound < directories.lowerBound && directories.lowerBound < names.lowerBound)
    }

    @Test func aProblemServersConsistentDirectoriesAreCountedOnItsFirstRow() throws {
        let html = try HTMLRendering.render(Self.snapshot(problems: 2, consistent: 0), forPrint: true).text
        #expect(
            HTMLRendering.count("<td class=\"s-inconsistent\">Inconsistent</td><td>1 (5 files)</td>", in: html) == 2)
        #expect(!html.contains("<td>/home</td>"))
    }

    @Test func aLargeRunPrintsAtMostItsLimitsAndSaysWhatIsLeftOut() throws {
        let problems = HTMLPage.printedRowLimit + 100
        let consistent = HTMLPage.printedNameLimit + 50
        let html = try HTMLRendering.render(Self.snapshot(problems: problems, consistent: consistent), forPrint: true)
            .text
        #expect(HTMLRendering.count("<tr data-status=\"inconsistent\">", in: html) == HTMLPage.printedRowLimit)
        #expect(html.contains("This PDF lists the first 3,000 of the 3,100 servers that are not consistent"))
        #expect(html.contains("This PDF lists the first 3,000 of the 3,100 directories with differences"))
        #expect(HTMLRendering.count("<td class=\"s-inconsistent\">", in: html) == HTMLPage.printedRowLimit)
        #expect(HTMLRendering.count("<li>server-", in: html) == HTMLPage.printedNameLimit)
        #expect(html.contains("… +50"))
        // In chunks: Blink lays out many short tables and lists far faster than one long one.
        let chunks = HTMLPage.printedRowLimit / HTMLPage.printedChunk
        #expect(HTMLRendering.count("<table class=\"grid servers\">", in: html) == chunks)
        #expect(HTMLRendering.count("<table class=\"grid printed\">", in: html) == chunks)
        #expect(
            HTMLRendering.count("<ol class=\"tail-list\"", in: html) == HTMLPage.printedNameLimit
                / HTMLPage.printedChunk)
        // Numbered on from the table of problems.
        #expect(html.contains("<ol class=\"tail-list\" start=\"\(problems + 1)\"><li>server-"))
    }

    @Test(arguments: [(0, 1_000), (5_000, 1_000), (9_000, 1_000), (9_500, 500), (10_000, 0), (15_000, 0)])
    func consistentServersInFullFillWhatTheProblemsLeave(problems: Int, inFull: Int) {
        #expect(HTMLPage.consistentInFull(problems: problems) == inFull)
    }

    @Test func theScreenPageKeepsEveryDirectoryWithRowsOfNoPositionalClass() throws {
        let html = try HTMLRendering.render(Self.snapshot(problems: 1, consistent: 1)).text
        #expect(
            html.contains(
                "<tr><td>/srv</td><td>10</td><td class=\"flag\">2</td><td>0</td><td>0</td>"
                    + "<td class=\"s-inconsistent\">Inconsistent</td></tr>"))
        #expect(HTMLRendering.count("<td>/home</td>", in: html) == 2)
        #expect(HTMLRendering.count("<details id=\"server-", in: html) == 2)
    }
}
