import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The workbook is a well-formed OOXML package, with the parts and sheets SPEC 3 asks for.
@Suite struct XLSXPackageTests {
    @Test func partsAreWellFormedAndInOrder() throws {
        let workbook = try WorkbookReader(url: XLSXFixture.render(XLSXFixture.context()))
        #expect(
            workbook.entries.map(\.path) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
            ])
        for entry in workbook.entries {
            #expect(throws: Never.self, "\(entry.path) must be well-formed") { try XMLElements(entry.data) }
        }
        #expect(Set(workbook.entries.map(\.modified)).count == 1, "every entry carries the generation time")
        let types = try XMLElements(workbook.part("[Content_Types].xml")!).all.compactMap { $0.attributes["PartName"] }
        for entry in workbook.entries where entry.path.hasSuffix(".xml") && !entry.path.hasPrefix("[") {
            #expect(types.contains("/" + entry.path), "\(entry.path) needs a content type")
        }
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN])
    func sheetsAreNamedFromTheStringTable(language: ReportLanguage) throws {
        let context = try XLSXFixture.context(language)
        let names = try WorkbookReader(url: XLSXFixture.render(context)).sheetNames()
        let strings = context.strings
        #expect(
            names == [
                strings[.sheetOverview], strings[.sheetServers], strings[.sheetDirectories], strings[.sheetErrors],
            ])
    }

    @Test func errorsSheetOnlyWhenSomeTaskFailed() throws {
        var snapshot = try XLSXFixture.context().snapshot
        snapshot.tasks.removeAll { $0.error != nil }
        let names = try WorkbookReader(url: XLSXFixture.render(XLSXFixture.context(snapshot: snapshot))).sheetNames()
        #expect(names == ["Overview", "Servers", "Directories"])
    }

    @Test func documentPropertiesCarryTitleCreatorAndGenerationTime() throws {
        let context = try XLSXFixture.context(.zhCN, title: "迁移 <报告> & \u{1}")
        let workbook = try WorkbookReader(url: XLSXFixture.render(context))
        let core = String(decoding: workbook.part("docProps/core.xml")!, as: UTF8.self)
        #expect(core.contains("<dc:title>迁移 &lt;报告&gt; &amp; _x0001_</dc:title>"))
        #expect(core.contains("<dc:creator>smsreport</dc:creator>"))
        #expect(core.contains(">2026-11-20T01:02:03Z</dcterms:created>"))
        #expect(core.contains("<dc:language>zh-CN</dc:language>"))
    }

    @Test func headerIsBoldFrozenAndFiltered() throws {
        let context = try XLSXFixture.context()
        let workbook = try WorkbookReader(url: XLSXFixture.render(context))
        let servers = try XMLElements(workbook.part("xl/worksheets/sheet2.xml")!)
        let pane = try #require(servers.all.first { $0.name == "pane" })
        #expect(pane.attributes["state"] == "frozen" && pane.attributes["ySplit"] == "1")
        let serverCount = context.summary.servers.count
        #expect(servers.all.first { $0.name == "autoFilter" }?.attributes["ref"] == "A1:K\(serverCount + 1)")
        #expect(servers.rows[0].allSatisfy { $0.style == XLSXStyleSheet.header })
        #expect(servers.rows[0].map(\.value).first == context.strings[.columnSourceName])
        let cols = servers.all.filter { $0.name == "col" }.compactMap { Double($0.attributes["width"] ?? "") }
        #expect(cols.count == 11 && cols.allSatisfy { (8...61).contains($0) })
    }

    @Test func numbersAndDatesAreTypedCells() throws {
        let context = try XLSXFixture.context()
        let rows = try WorkbookReader(url: XLSXFixture.render(context)).rows(ofSheet: 2)
        for (server, row) in zip(context.summary.servers, rows.dropFirst()) {
            // A server without data has an empty count cell, never 0.
            #expect(row[5].type == nil && Int(row[5].value) == (server.hasData ? server.counts.total : nil))
            #expect(row[5].style == XLSXStyleSheet.cell(.number, XLSXServersTable.highlight(server.status)))
            if let verifiedAt = server.verifiedAt {
                let serial = try #require(Double(row[9].value))
                #expect(Int(((serial - 25_569) * 86_400).rounded()) == Int(verifiedAt.timeIntervalSince1970))
            } else {
                #expect(row[9].value.isEmpty)
            }
        }
    }
}
