import Foundation
import ReportModel
import Testing

@testable import Rendering

/// Every renderer's output for one small fixed run, compared byte for byte with reviewed files in Golden/Files:
/// a change to a report shows in the pull request as a diff of these files. Re-record on purpose only, with
/// `SMSREPORT_RECORD_GOLDEN=1` (see ``GoldenFile``).
///
/// The run: three servers (web-01 inconsistent, db-01 in error, app-01 consistent), one waiver in force that
/// accepts one of web-01's two differing directories, a previous run to compare with, generated at a fixed time.
@Suite struct GoldenRenderingTests {
    static let generatedAt = Date(timeIntervalSince1970: 1_795_000_000)

    static func snapshot() -> ResultsSnapshot {
        let start = Date(timeIntervalSince1970: 1_794_999_000)
        let tasks = [
            TaskRecord(
                taskID: "t-web", sourceID: "s-web", sourceName: "web-01", finishedTime: 1_794_998_000_000,
                directories: [
                    DirectoryResult(
                        path: "/srv/www", counts: FileCounts(total: 1_500, different: 3, missingOnTarget: 1)),
                    DirectoryResult(path: "/var/log", counts: FileCounts(total: 40, different: 2, extraOnTarget: 1)),
                    DirectoryResult(path: "/etc", counts: FileCounts(total: 120)),
                ]),
            TaskRecord(
                taskID: "t-db", sourceID: "s-db", sourceName: "db-01",
                error: TaskError(kind: .http, code: "SMS.6004", message: "Task not found", httpStatus: 404)),
            TaskRecord(
                taskID: "t-app", sourceID: "s-app", sourceName: "app-01", finishedTime: 1_794_997_000_000,
                directories: [DirectoryResult(path: "/opt/app", counts: FileCounts(total: 2_048))]),
        ]
        return ResultsSnapshot(
            run: RunMetadata(
                toolVersion: "1.0.0-golden", startedAt: start, finishedAt: start.addingTimeInterval(42),
                endpointHost: "sms.cn-north-4.myhuaweicloud.com",
                manifest: ManifestInfo(name: "tasks.csv", sha256: String(repeating: "a", count: 64), taskCount: 3),
                languages: [.enUS, .zhCN]),
            tasks: tasks)
    }

    static func waivers() throws -> [Waiver] {
        [
            Waiver(
                id: "rotating-logs", directory: try Glob("/var/log*"), reason: "Logs rotate during the cut-over",
                approvedBy: "Li Wei", expires: try #require(CalendarDay(iso: "2099-12-31")))
        ]
    }

    static func changes() -> RunChanges {
        let previous = Date(timeIntervalSince1970: 1_794_912_600)
        var changes = RunChanges(
            previousRun: previous,
            trend: [
                RunChanges.TrendPoint(
                    startedAt: previous,
                    byStatus: ["inconsistent": 0, "error": 1, "not_verified": 0, "accepted": 0, "consistent": 1]),
                RunChanges.TrendPoint(
                    startedAt: snapshot().run.startedAt,
                    byStatus: ["inconsistent": 1, "error": 1, "not_verified": 0, "accepted": 0, "consistent": 1]),
            ])
        changes.newlyInconsistent = [
            .init(key: "id:s-web", name: "web-01", before: "consistent", after: "inconsistent")
        ]
        changes.newServers = [.init(key: "id:s-app", name: "app-01", before: nil, after: "consistent")]
        changes.stillInconsistent = [.init(key: "id:s-web", name: "web-01", runs: 1)]
        return changes
    }

    /// The context of report `golden` in `language` with `formats`.
    static func context(_ language: ReportLanguage, formats: [ReportFormat]) throws -> RenderContext {
        let snapshot = snapshot()
        var context = try RenderingFixtures.context(snapshot, language: language, formats: formats, name: "golden")
        context.generatedAt = generatedAt
        context.summary = ConsistencySummary(tasks: snapshot.tasks, waivers: try waivers(), at: generatedAt, in: .utc)
        context.changes = changes()
        return context
    }

    /// The files `renderer` writes for `language`, by name.
    static func render(_ renderer: any ReportRenderer, _ language: ReportLanguage) throws -> [String: Data] {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let urls = try renderer.render(try context(language, formats: [renderer.format]), to: folder)
        var files: [String: Data] = [:]
        for url in urls { files[url.lastPathComponent] = try Data(contentsOf: url) }
        return files
    }

    @Test(arguments: ReportLanguage.allCases) func csvFiles(_ language: ReportLanguage) throws {
        let files = try Self.render(CSVReportRenderer(), language)
        #expect(files.keys.sorted() == ["golden-changes.csv", "golden-directories.csv", "golden.csv"])
        for (name, data) in files {
            try GoldenFile.check(data, "\(language.rawValue)/\(name)")
        }
    }

    /// The JUnit file, one suite, property and case per line (``GoldenFile/readable(_:breakingBefore:sourceLocation:)``).
    @Test(arguments: ReportLanguage.allCases) func junitFile(_ language: ReportLanguage) throws {
        let files = try Self.render(JUnitReportRenderer(), language)
        let tags = ["<testsuite ", "<property ", "<testcase ", "<system-out>", "</testsuite>"]
        let junit = GoldenFile.readable(try #require(files["golden-junit.xml"]), breakingBefore: tags)
        try GoldenFile.check(junit, "\(language.rawValue)/golden-junit.xml")
    }

    /// The servers sheet's part as the workbook holds it, one row per line.
    @Test(arguments: ReportLanguage.allCases) func xlsxServersSheet(_ language: ReportLanguage) throws {
        let context = try Self.context(language, formats: [.xlsx])
        let workbook = try WorkbookReader(url: try XLSXFixture.render(context))
        let number = try #require(try workbook.sheetNames().firstIndex(of: context.strings[.sheetServers])) + 1
        let part = try #require(workbook.part("xl/worksheets/sheet\(number).xml"))
        let sheet = GoldenFile.readable(part, breakingBefore: ["<row ", "</sheetData>"])
        try GoldenFile.check(sheet, "\(language.rawValue)/golden-servers-sheet.xml")
    }

    /// The English page (the Chinese one has the same frame and CSS), one section, heading, table row, list and
    /// chart per line.
    @Test func htmlPage() throws {
        let files = try Self.render(HTMLReportRenderer(), .enUS)
        let tags = ["<h2 ", "<table", "<tr", "<dl ", "<svg ", "<figure", "<li"]
        let page = GoldenFile.readable(try #require(files["golden.html"]), breakingBefore: tags)
        try GoldenFile.check(page, "en-us/golden.html")
    }

    /// `summary.json` of a finished run of the fixture, with every key SPEC 7–9 lists filled.
    @Test func summaryJSON() throws {
        let context = try Self.context(.enUS, formats: [.html, .csv])
        var summary = RunSummary(
            toolVersion: "1.0.0-golden", exitCode: 1, startedAt: context.snapshot.run.startedAt,
            finishedAt: context.snapshot.run.finishedAt, endpointHost: context.snapshot.run.endpointHost,
            manifest: context.snapshot.run.manifest,
            reports: [context.report, ReportDefinition(name: "golden-zh", language: .zhCN, formats: [.xlsx])],
            totals: RunSummary.Totals(context.summary.totals), changes: Self.changes().summary,
            waivers: RunSummary.Waivers(context.summary.waivers),
            files: [
                .init(path: "golden.csv", bytes: 412, sha256: String(repeating: "1", count: 64)),
                .init(path: "golden.html", bytes: 20_480, sha256: String(repeating: "2", count: 64)),
                .init(path: "results.json", bytes: 2_048, sha256: String(repeating: "3", count: 64)),
            ])
        summary.totals.stale = 1
        summary.warnings = [.init(.pingFailed, "ping: the monitoring endpoint answered HTTP 503")]
        summary.history = RunSummary.HistoryState(recorded: true)
        summary.credentialsSource = "env"
        summary.pruned = ["runs/2026-11-10T010000Z"]
        summary.coverage = RunSummary.Coverage(
            listed: 4,
            notInManifest: [.init(taskID: "t-new", sourceName: "cache-01", state: "MIGRATE_SUCCESS")],
            notListed: [])
        try GoldenFile.check(try summary.fileData(), "summary.json")
    }
}

/// The golden-file helper itself: a difference names its line and shows what is invisible, and the readable form
/// of a document can be turned back into its exact bytes.
@Suite struct GoldenFileTests {
    @Test func aDifferenceNamesTheFirstDifferingLineAndShowsLineEnds() {
        let golden = Data("\u{FEFF}a,b\r\n1,2\r\n3,4\r\n".utf8)
        let now = Data("\u{FEFF}a,b\r\n1,2\r\n3,5\n".utf8)
        let text = GoldenFile.firstDifference(expected: golden, actual: now)
        #expect(text.hasPrefix("first difference at line 3 (golden: 4 lines, now: 4)\n"))
        #expect(text.contains("  1  <BOM>a,b\\r\n  2  1,2\\r\n- 3  3,4\\r\n+ 3  3,5\n"))
    }

    @Test func aLongLineIsCutAroundItsDifference() {
        let golden = Data((String(repeating: "x", count: 1_000) + "old" + String(repeating: "y", count: 1_000)).utf8)
        let now = Data((String(repeating: "x", count: 1_000) + "new" + String(repeating: "y", count: 1_000)).utf8)
        let text = GoldenFile.firstDifference(expected: golden, actual: now)
        #expect(text.contains("old") && text.contains("new"))
        #expect(text.count < 600)
    }

    @Test func theReadableFormBreaksBeforeEachTag() {
        let data = Data(#"<a><row r="1"/><row r="2"/></a>"#.utf8)
        let readable = GoldenFile.readable(data, breakingBefore: ["<row ", "</a>"])
        #expect(String(decoding: readable, as: UTF8.self) == "<a>\n<row r=\"1\"/>\n<row r=\"2\"/>\n</a>")
    }
}
