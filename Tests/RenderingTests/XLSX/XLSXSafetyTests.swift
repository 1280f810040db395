import Foundation
import ReportModel
import Testing

@testable import Rendering

/// Untrusted text stays inert text: no formula, no invalid XML, no cell beyond Excel's limit.
@Suite struct XLSXSafetyTests {
    @Test func noFormulaIsEverWritten() throws {
        let workbook = try WorkbookReader(url: XLSXFixture.render(XLSXFixture.context()))
        for entry in workbook.entries where entry.path.hasPrefix("xl/worksheets/") {
            #expect(try !XMLElements(entry.data).all.contains { $0.name == "f" }, "\(entry.path) holds a formula")
        }
        let cells = try workbook.rows(ofSheet: 2).flatMap { $0 }
        let formula = try #require(cells.first { $0.value.hasPrefix("=HYPERLINK(") })
        #expect(formula.type == "inlineStr")
    }

    @Test func controlCharactersAndLiteralEscapesAreOOXMLEscaped() throws {
        let workbook = try WorkbookReader(url: XLSXFixture.render(XLSXFixture.context()))
        for entry in workbook.entries {
            #expect(!entry.data.contains { $0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0) }, "\(entry.path)")
        }
        let control = try workbook.rows(ofSheet: 2).dropFirst().map { $0[0].value }.first { $0.hasPrefix("ctrl") }
        // DEL and NEL are legal in XML 1.0 and stay as they are.
        #expect(control == "ctrl_x0001__x0002__x0007__x000B__x000C__x001B_\u{7F}\u{85} end _x005F_x0041_ literal")
    }

    @Test func longTextIsCutAtExcelsLimitWithTheMarker() throws {
        let context = try XLSXFixture.context(.zhCN)
        let rows = try WorkbookReader(url: XLSXFixture.render(context)).rows(ofSheet: 2)
        let long = try #require(rows.map { $0[0].value }.first { $0.hasPrefix("长长长") })
        #expect(long.utf16.count == 32_767)
        #expect(long.hasSuffix(context.strings[.cellTruncatedMarker]))
    }

    @Test(arguments: [
        ("abc", 5, "…", "abc"),
        ("abcdef", 5, "…", "abcd…"),
        ("ab🚀cd", 4, "…", "ab…"),  // the rocket is two UTF-16 units and would not fit whole
        ("🚀🚀🚀", 5, "…", "🚀🚀…"),
    ])
    func truncationNeverSplitsACharacter(text: String, limit: Int, marker: String, expected: String) {
        let cut = XLSXText.truncated(text, limit: limit, marker: marker)
        #expect(cut == expected)
        #expect(cut.utf16.count <= limit)
    }

    @Test func wideCharactersCountDouble() {
        #expect(XLSXText.displayWidth("abc") == 3)
        #expect(XLSXText.displayWidth("服务器") == 6)
        #expect(XLSXText.displayWidth("a🚀") == 3)
    }

    @Test(arguments: [
        ("Overview", "Overview"),
        ("a[b]c:d*e?f/g\\h", "abcdefgh"),
        ("'quoted'", "quoted"),
        ("History", "7"),
        ("   ", "7"),
        ("A name that is far longer than thirty-one characters", "A name that is far longer than"),
        ("目录（2）", "目录（2）"),
    ])
    func sheetNamesAreMadeLegal(proposed: String, expected: String) {
        let name = XLSXSheetName.legal(proposed, taken: [], fallback: "7")
        #expect(name == expected)
        #expect(XLSXSheetName.isLegal(name))
    }

    @Test func sheetNamesAreUniqueIgnoringCase() {
        let first = XLSXSheetName.legal("Servers", taken: [], fallback: "1")
        let second = XLSXSheetName.legal("SERVERS", taken: [first], fallback: "2")
        let third = XLSXSheetName.legal(
            String(repeating: "x", count: 40), taken: [String(repeating: "x", count: 31)], fallback: "3")
        #expect(second == "SERVERS (2)")
        #expect(third == String(repeating: "x", count: 27) + " (2)" && XLSXSheetName.isLegal(third))
    }
}
