import Foundation
import ReportModel
import Testing

@testable import Rendering

@Suite struct ChangesRenderingTests {
    static func changes(previous: Bool) -> RunChanges {
        let points = (0..<3).map {
            RunChanges.TrendPoint(
                startedAt: Date(timeIntervalSince1970: 1_794_900_000 + Double($0) * 86_400),
                byStatus: ["inconsistent": 1 + $0, "consistent": 3, "error": 0, "not_verified": 1, "accepted": 0])
        }
        var changes = RunChanges(
            previousRun: previous ? Date(timeIntervalSince1970: 1_794_900_000) : nil, trend: points)
        if previous {
            changes.newlyInconsistent = [
                .init(key: "id:s-1", name: "=HYPERLINK(\"x\")", before: "consistent", after: "inconsistent")
            ]
            changes.gone = [.init(key: "id:s-9", name: "old-09", before: "error", after: nil)]
        }
        changes.stillInconsistent = [
            .init(key: "id:s-1", name: "=HYPERLINK(\"x\")", runs: 1), .init(key: "id:s-2", name: "db", runs: 4),
        ]
        return changes
    }

    static func context(_ language: ReportLanguage, _ changes: RunChanges?, formats: [ReportFormat]) throws
        -> RenderContext
    {
        let templates = HTMLRendering.templates()
        let snapshot = HTMLRendering.plain()
        return RenderContext(
            report: ReportDefinition(name: "r", language: language, formats: formats),
            strings: try templates.strings(for: language), snapshot: snapshot,
            summary: ConsistencySummary(tasks: snapshot.tasks), templates: templates,
            generatedAt: HTMLRendering.generatedAt, changes: changes)
    }

    static func folder() throws -> OutputFolder {
        try OutputFolder(
            url: FileManager.default.temporaryDirectory.appendingPathComponent("changes-\(UUID().uuidString)"))
    }

    @Test func changesCSVNeutralisesFormulasAndListsEveryRow() throws {
        let urls = try CSVReportRenderer().render(
            try Self.context(.enUS, Self.changes(previous: true), formats: [.csv]), to: try Self.folder())
        let file = try #require(urls.first { $0.lastPathComponent == "r-changes.csv" })
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let lines = text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "Change,Source server,Server key,Before,Now,Inconsistent runs in a row")
        #expect(lines.count == 4)  // header, newly inconsistent, gone, still inconsistent (db)
        #expect(lines[1] == #"Newly inconsistent,"'=HYPERLINK(""x"")",id:s-1,Consistent,Inconsistent,1"#)
        #expect(lines[2] == "Gone,old-09,id:s-9,Error,(not in the run),")
        #expect(lines[3] == "Still inconsistent,db,id:s-2,Inconsistent,Inconsistent,4")
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN]) func anUnavailableHistoryIsSaidInTheChangesCSV(
        _ language: ReportLanguage
    ) throws {
        // SPEC 8.2: the changes section says that the history was unavailable; a header alone would read as
        // "nothing changed".
        let reason = "/var/lib/h.sqlite: not a SQLite database"
        let context = try Self.context(language, RunChanges(unavailable: reason), formats: [.csv])
        let urls = try CSVReportRenderer().render(context, to: try Self.folder())
        let file = try #require(urls.first { $0.lastPathComponent == "r-changes.csv" })
        let lines = String(decoding: try Data(contentsOf: file), as: UTF8.self).dropFirst()
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        let statement = context.strings[.changesHistoryUnavailable] + " " + reason
        // English has a comma in the statement, so RFC 4180 quotes it; Chinese uses "，".
        #expect(lines[1] == (statement.contains(",") ? "\"\(statement)\"" : statement) + ",,,,,")
    }

    @Test func noHistoryWritesNoChangesFile() throws {
        let urls = try CSVReportRenderer().render(try Self.context(.enUS, nil, formats: [.csv]), to: try Self.folder())
        #expect(!urls.contains { $0.lastPathComponent.hasSuffix("-changes.csv") })
        let html = try HTMLReportRenderer().render(
            try Self.context(.enUS, nil, formats: [.html]), to: try Self.folder())
        #expect(!(try String(contentsOf: html[0], encoding: .utf8)).contains(#"id="changes""#))
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN]) func htmlShowsChangesAndATrendPointPerRun(_ language: ReportLanguage)
        throws
    {
        let context = try Self.context(language, Self.changes(previous: true), formats: [.html])
        let url = try HTMLReportRenderer().render(context, to: try Self.folder())[0]
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(html.contains(#"<section id="changes""#))
        #expect(HTMLRendering.count(#"<g class="trend-run">"#, in: html) == 3)
        #expect(HTMLRendering.count(#"class="change-row""#, in: html) == 3)
        #expect(html.contains(context.strings[.changesHeading]))
        // The changes come before the charts: the morning view is near the top.
        let changes = try #require(html.range(of: #"id="changes""#))
        let servers = try #require(html.range(of: #"id="servers""#))
        #expect(changes.lowerBound < servers.lowerBound)
    }

    @Test func firstRunSaysThereIsNothingToCompareWith() throws {
        let context = try Self.context(.zhCN, Self.changes(previous: false), formats: [.html])
        let html = try String(
            contentsOf: try HTMLReportRenderer().render(context, to: try Self.folder())[0], encoding: .utf8)
        #expect(html.contains(context.strings[.changesFirstRun]))
        #expect(HTMLRendering.count(#"class="change-row""#, in: html) == 0)
    }

    @Test func everyChangesKeyIsInBothLanguages() throws {
        let templates = HTMLRendering.templates()
        for language in [ReportLanguage.enUS, .zhCN] {
            let strings = try templates.strings(for: language)
            for key in StringKey.allCases where key.rawValue.hasPrefix("changes.") {
                #expect(!strings[key].isEmpty, Comment(rawValue: "\(language) \(key.rawValue)"))
            }
        }
    }
}

@Suite struct ChangesSheetTests {
    @Test(arguments: [ReportLanguage.enUS, .zhCN]) func theWorkbookHasAChangesSheetAfterTheOverview(
        _ language: ReportLanguage
    ) throws {
        var context = try XLSXFixture.context(language)
        context.changes = ChangesRenderingTests.changes(previous: true)
        let reader = try WorkbookReader(url: try XLSXFixture.render(context))
        let names = try reader.sheetNames()
        #expect(names.count > 1 && names[1] == context.strings[.changesSheet])
        let rows = try reader.rows(ofSheet: 2)
        #expect(rows.count == 4)  // header, newly inconsistent, gone, still inconsistent
        let withoutHistory = try WorkbookReader(url: try XLSXFixture.render(try XLSXFixture.context(language)))
        #expect(!(try withoutHistory.sheetNames()).contains(context.strings[.changesSheet]))
    }

    /// The overview's row that says what the changes sheet compares with, or nil when there is none.
    private func comparison(_ changes: RunChanges?, _ language: ReportLanguage) throws -> (String?, [String]) {
        var context = try XLSXFixture.context(language)
        context.changes = changes
        let overview = try WorkbookReader(url: try XLSXFixture.render(context)).rows(ofSheet: 1)
        let labels = overview.compactMap { $0.first?.value }
        let row = overview.first { $0.first?.value == context.strings[.changesHeading] }
        return (row.flatMap { $0.count > 1 ? $0[1].value : nil }, labels)
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN]) func theOverviewSaysWhyTheChangesSheetIsEmpty(
        _ language: ReportLanguage
    ) throws {
        let strings = try HTMLRendering.templates().strings(for: language)
        let reason = "/var/lib/smsreport/history.sqlite: not a SQLite database"
        let (unavailable, _) = try comparison(RunChanges(unavailable: reason), language)
        #expect(unavailable == strings[.changesHistoryUnavailable] + " " + reason)
        var context = try XLSXFixture.context(language)
        context.changes = RunChanges(unavailable: reason)
        let sheet = try WorkbookReader(url: try XLSXFixture.render(context)).rows(ofSheet: 2)
        #expect(sheet.count == 2 && sheet[1].first?.value == strings[.changesHistoryUnavailable] + " " + reason)
        let (first, _) = try comparison(ChangesRenderingTests.changes(previous: false).firstRunOnly, language)
        #expect(first == strings[.changesFirstRun])
        let (none, labels) = try comparison(
            RunChanges(previousRun: Date(timeIntervalSince1970: 1_794_900_000)), language)
        #expect(none == strings[.changesNone])
        #expect(labels.contains { $0.hasPrefix(strings[.changesPreviousRun] + " (") })
        // With changes the sheet speaks for itself: the previous run's time, and no "none" row.
        let (changed, changedLabels) = try comparison(ChangesRenderingTests.changes(previous: true), language)
        #expect(changed == nil)
        #expect(changedLabels.contains { $0.hasPrefix(strings[.changesPreviousRun] + " (") })
        let (withoutHistory, _) = try comparison(nil, language)
        #expect(withoutHistory == nil)
    }
}

extension RunChanges {
    /// The same trend without the still-inconsistent streaks: a first run with nothing in its changes sheet.
    fileprivate var firstRunOnly: RunChanges { RunChanges(previousRun: nil, trend: trend) }
}
