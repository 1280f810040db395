import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The directories split at the row limit, and renders are reproducible.
@Suite struct XLSXLayoutTests {
    @Test(arguments: [1, 2, 3, 100])
    func directoriesContinueOnFurtherSheetsPastTheRowLimit(limit: Int) throws {
        let context = try XLSXFixture.context()
        let total = context.summary.totals.directoryCount
        let workbook = try WorkbookReader(url: XLSXFixture.render(context, limits: XLSXLimits(dataRowsPerSheet: limit)))
        let names = try workbook.sheetNames()
        let expectedSheets = (total + limit - 1) / limit
        let directoryNames =
            [context.strings[.sheetDirectories]]
            + (2...max(2, expectedSheets)).map { context.strings.format(.sheetDirectoriesContinued, $0) }
        #expect(Array(names[2..<(2 + expectedSheets)]) == Array(directoryNames.prefix(expectedSheets)))
        var paths: [String] = []
        for number in 3..<(3 + expectedSheets) {
            let rows = try workbook.rows(ofSheet: number)
            #expect(rows.count - 1 <= limit && rows.count > 1)
            #expect(rows[0].map(\.value).first == context.strings[.columnSourceName])
            paths += rows.dropFirst().map { $0[3].value }
        }
        let expected = context.summary.servers.flatMap { $0.directoryRows.map(\.directory.path) }
        #expect(paths.count == total)
        #expect(paths == expected.map { XMLTextPolicy.escapeOOXML.apply(to: $0) })
    }

    @Test func twoRendersAreByteIdentical() throws {
        let context = try XLSXFixture.context(.zhCN)
        let first = try Data(contentsOf: XLSXFixture.render(context))
        let second = try Data(contentsOf: XLSXFixture.render(context))
        #expect(first == second)
    }

    @Test func highlightedRowsAreExactlyInconsistentAndErrorServers() throws {
        let context = try XLSXFixture.context()
        let rows = try WorkbookReader(url: XLSXFixture.render(context)).rows(ofSheet: 2).dropFirst()
        for (server, row) in zip(context.summary.servers, rows) {
            let highlight = XLSXServersTable.highlight(server.status)
            #expect(
                row.allSatisfy {
                    [
                        XLSXStyleSheet.cell(.text, highlight), XLSXStyleSheet.cell(.number, highlight),
                        XLSXStyleSheet.cell(.date, highlight),
                    ].contains($0.style)
                })
            #expect((highlight != .none) == [.inconsistent, .error].contains(server.status))
        }
    }

    @Test func emptySnapshotStillMakesAValidWorkbook() throws {
        var snapshot = try XLSXFixture.context().snapshot
        snapshot.tasks = []
        let workbook = try WorkbookReader(url: XLSXFixture.render(XLSXFixture.context(snapshot: snapshot)))
        #expect(try workbook.sheetNames().count == 3)
        #expect(try workbook.rows(ofSheet: 3).count == 1)
    }

    @Test func onlyTheWorkbookIsLeftInTheOutputFolder() throws {
        let url = try XLSXFixture.render(XLSXFixture.context())
        let files = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(files == ["hostile-en-us.xlsx"])
    }

    @Test func aChineseWorkbookShowsNoEnglishWord() throws {
        let context = try XLSXFixture.context(.zhCN)
        let english = try context.templates.strings(for: .enUS)
        // Words both tables share (such as UTC) are not English leaks.
        let words = Set(StringKey.allCases.map { english[$0] }).subtracting(
            StringKey.allCases.map { context.strings[$0] })
        let workbook = try WorkbookReader(url: XLSXFixture.render(context))
        let names = try workbook.sheetNames()
        var texts = Set(names)
        for number in 1...names.count {
            for row in try workbook.rows(ofSheet: number) {
                texts.formUnion(row.filter { $0.type == "inlineStr" }.map(\.value))
            }
        }
        let leaked = texts.intersection(words)
        #expect(leaked.isEmpty, "English words in the zh-cn workbook: \(leaked.sorted())")
        #expect(texts.contains(context.strings[.labelRunMetadata]))
    }
}
