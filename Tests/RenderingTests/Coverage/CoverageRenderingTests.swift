import CSV
import Foundation
import Rendering
import ReportModel
import TestSupport
import Testing

/// The coverage check in every format (SPEC 9): the HTML section, the XLSX sheet and `<name>-coverage.csv`, in
/// both languages, and nothing of it when coverage was not checked.
@Suite struct CoverageRenderingTests {
    /// The hostile snapshot with a coverage check: one forgotten task with a hostile name, and the snapshot's
    /// first task not listed by the account.
    static func snapshot() throws -> ResultsSnapshot {
        var snapshot = try RenderingFixtures.hostileSnapshot()
        snapshot.coverage = RunSummary.Coverage(
            listed: 12,
            notInManifest: [
                .init(taskID: "t-forgotten", sourceName: "=cmd|' /C calc'!A0 <b>x</b>", state: "MIGRATE_SUCCESS")
            ],
            notListed: [snapshot.tasks[0].taskID])
        return snapshot
    }

    static func csvRows(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN]) func csvListsBothGaps(language: ReportLanguage) throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let snapshot = try Self.snapshot()
        let context = try RenderingFixtures.context(snapshot, language: language, formats: [.csv])
        let files = try CSVReportRenderer().render(context, to: folder)
        #expect(files.map(\.lastPathComponent).last == "report-coverage.csv")
        let rows = try Self.csvRows(files.last!)
        let strings = context.strings
        #expect(
            rows[0] == [
                strings[.coverageColumnGap], strings[.columnTaskID], strings[.columnSourceName],
                strings[.coverageColumnState],
            ])
        #expect(rows.count == 3)
        #expect(rows[1][0] == strings[.coverageNotInManifest] && rows[1][1] == "t-forgotten")
        // Formula-safe like every CSV of the report.
        #expect(rows[1][2].hasPrefix("'") && rows[1][3] == "MIGRATE_SUCCESS")
        #expect(rows[2] == [strings[.coverageNotListed], snapshot.tasks[0].taskID, snapshot.tasks[0].sourceName, ""])
        #expect(language == .zhCN ? rows[0][0] == "差异" : rows[0][0] == "Gap")
    }

    @Test func noCoverageFileWithoutACheck() throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let context = try RenderingFixtures.context(
            RenderingFixtures.hostileSnapshot(), language: .enUS, formats: [.csv])
        let files = try CSVReportRenderer().render(context, to: folder)
        #expect(!files.map(\.lastPathComponent).contains("report-coverage.csv"))
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN]) func htmlShowsNotInThisReport(language: ReportLanguage) throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let snapshot = try Self.snapshot()
        let context = try RenderingFixtures.context(snapshot, language: language, formats: [.html])
        let html = try String(contentsOf: HTMLReportRenderer().render(context, to: folder)[0], encoding: .utf8)
        let strings = context.strings
        #expect(html.contains("<section id=\"coverage\""))
        #expect(html.contains(strings[.coverageHeading]))
        #expect(html.contains(strings.format(.coverageIntro, "12", "1", "1")))
        #expect(
            html.contains("t-forgotten") && html.contains("=cmd|&#39; /C calc&#39;!A0 &lt;b&gt;x")
                || html.contains("=cmd|' /C calc'!A0 &lt;b&gt;x"))
        #expect(!html.contains("<b>x</b>"))
        #expect(html.contains(strings[.coverageNotListedHeading]))
        #expect(language == .zhCN ? html.contains("未纳入本报告") : html.contains("Not in this report"))

        var complete = snapshot
        complete.coverage = RunSummary.Coverage(listed: 12)
        let calm = try RenderingFixtures.context(complete, language: language, formats: [.html], name: "calm")
        let calmHTML = try String(contentsOf: HTMLReportRenderer().render(calm, to: folder)[0], encoding: .utf8)
        #expect(calmHTML.contains(strings[.coverageComplete]) && !calmHTML.contains("coverage-missing"))

        let plain = try RenderingFixtures.context(
            RenderingFixtures.hostileSnapshot(), language: language, formats: [.html], name: "plain")
        let plainHTML = try String(contentsOf: HTMLReportRenderer().render(plain, to: folder)[0], encoding: .utf8)
        #expect(!plainHTML.contains("id=\"coverage\""))
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN]) func xlsxHasACoverageSheet(language: ReportLanguage) throws {
        let url = try XLSXFixture.render(XLSXFixture.context(language, snapshot: Self.snapshot()))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let workbook = try WorkbookReader(url: url)
        let names = try workbook.sheetNames()
        let strings = try RenderingFixtures.templates.strings(for: language)
        #expect(names.last == strings[.coverageSheet])
        let rows = try workbook.rows(ofSheet: names.count)
        #expect(rows.count == 3)
        #expect(rows[1].map(\.value).contains("t-forgotten"))

        let plain = try XLSXFixture.render(XLSXFixture.context(language))
        defer { try? FileManager.default.removeItem(at: plain.deletingLastPathComponent()) }
        #expect(try !WorkbookReader(url: plain).sheetNames().contains(strings[.coverageSheet]))
    }

    @Test func junitCarriesTheCountsAsProperties() throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let context = try RenderingFixtures.context(Self.snapshot(), language: .enUS, formats: [.junit])
        let url = try JUnitReportRenderer().render(context, to: folder)[0]
        let xml = try String(contentsOf: url, encoding: .utf8)
        #expect(xml.contains("<property name=\"coverage_listed\" value=\"12\"/>"))
        #expect(xml.contains("<property name=\"coverage_not_in_manifest\" value=\"1\"/>"))
        #expect(xml.contains("<property name=\"coverage_not_listed\" value=\"1\"/>"))
        #expect(JUnitSchema.problems(in: url) == [])
        let plain = try RenderingFixtures.context(
            RenderingFixtures.hostileSnapshot(), language: .enUS, formats: [.junit], name: "plain")
        let plainXML = try String(
            contentsOf: JUnitReportRenderer().render(plain, to: folder)[0], encoding: .utf8)
        #expect(!plainXML.contains("coverage_"))
    }
}
