import Foundation
import Pipeline
import Testing

/// An `.xlsx` manifest part with a DTD or an entity reference is exit 2 naming the file and the part; entities are
/// never expanded, fetched or dropped (SPEC 8.2 "XLSX manifests").
@Suite struct XLSXEntityTests {
    /// A header row of shared strings 0…2, and one data row whose source_name is shared string 3.
    static let sheet = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t>t-1</t></is></c><c r="B2" t="inlineStr"><is><t>s-1</t></is></c>\
        <c r="C2" t="s"><v>3</v></c></row></sheetData></worksheet>
        """

    /// Shared strings with `prolog` before the root and `name` as the fourth string.
    static func sharedStrings(prolog: String = "", name: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        \(prolog)<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>task_id</t></si>\
        <si><t>source_id</t></si><si><t>source_name</t></si><si><t>\(name)</t></si></sst>
        """
    }

    static func problems(sheet: String = sheet, sharedStrings: String) throws -> [String] {
        let data = try XLSXManifestTests.workbook(
            XLSXManifestTests.excelParts(sheetName: "Servers", sheet: sheet, sharedStrings: sharedStrings))
        return XLSXManifestTests.problems(data, name: "servers.xlsx")
    }

    @Test func anExternalEntityIsRefusedNotFetched() throws {
        let problems = try Self.problems(
            sharedStrings: Self.sharedStrings(
                prolog: #"<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/hostname">]>"#, name: "ss-&x;-end"))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("servers.xlsx:xl/sharedStrings.xml: declares a DTD") == true, "\(problems)")
        // Neither the file's content nor the entity's text shows up anywhere.
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if let hostname, !hostname.isEmpty { #expect(!problems.joined().contains(hostname)) }
    }

    @Test func anInternalEntityIsRefused() throws {
        let problems = try Self.problems(
            sharedStrings: Self.sharedStrings(prolog: #"<!DOCTYPE sst [<!ENTITY x "XX">]>"#, name: "ss-&x;-end"))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("servers.xlsx:xl/sharedStrings.xml: declares a DTD") == true, "\(problems)")
    }

    /// The first sheet of this workbook is `xl/worksheets/sheet2.xml` (its relationship says so).
    @Test func aDTDAloneIsRefusedInTheSheetToo() throws {
        let sheet = Self.sheet.replacingOccurrences(of: "<worksheet ", with: "<!DOCTYPE worksheet><worksheet ")
        let problems = try Self.problems(sheet: sheet, sharedStrings: Self.sharedStrings(name: "db-01"))
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix("servers.xlsx:xl/worksheets/sheet2.xml: declares a DTD") == true, "\(problems)")
    }

    @Test func anUndeclaredEntityIsRefusedNotDropped() throws {
        let problems = try Self.problems(sharedStrings: Self.sharedStrings(name: "ss-&x;-end"))
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix("servers.xlsx:xl/sharedStrings.xml: uses an entity other than XML's five")
                == true, "\(problems)")
    }

    @Test func xmlsFiveAndCharacterReferencesAreKeptAsWritten() throws {
        let data = try XLSXManifestTests.workbook(
            XLSXManifestTests.excelParts(
                sheetName: "Servers", sheet: Self.sheet,
                sharedStrings: Self.sharedStrings(name: "a&amp;b&#65;&#x42;&lt;&gt;&quot;&apos;")))
        let manifest = try ManifestReader().read(data, name: "servers.xlsx")
        #expect(manifest.entries.map(\.sourceName) == ["a&bAB<>\"'"])
    }
}
