import Foundation
import Pipeline
import Testing
import ZIPFoundation

/// `.xlsx` manifests: the first sheet, header in row 1, errors naming `Sheet!A7` (SPEC 2 step 1).
@Suite struct XLSXManifestTests {
    /// An `.xlsx` package with `parts` (path → XML), zipped the way Excel zips (deflate), as bytes.
    static func workbook(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, xml) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data!
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
        """

    /// The package parts Excel writes around a sheet named `sheetName` (the sheet is in sheet2.xml on purpose:
    /// the reader must follow the relationship, not guess the file name).
    static func excelParts(sheetName: String, sheet: String, sharedStrings: String?) -> [String: String] {
        var parts = [
            "[Content_Types].xml": contentTypes,
            "_rels/.rels": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """,
            "xl/workbook.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId7"/><sheet name="Notes" sheetId="2" r:id="rId8"/></sheets><calcPr calcId="191029"/></workbook>
            """,
            "xl/_rels/workbook.xml.rels": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """,
            "xl/worksheets/sheet1.xml": """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not the first sheet</t></is></c></row></sheetData></worksheet>
            """,
            "xl/worksheets/sheet2.xml": sheet,
        ]
        if let sharedStrings { parts["xl/sharedStrings.xml"] = sharedStrings }
        return parts
    }

    /// Shared strings as Excel writes them, with a rich-text entry (two runs) and a phonetic guide.
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="8"><si><t>task_id</t></si><si><t>source_id</t></si><si><t>source_name</t></si><si><t>owner</t></si><si><t>t-1</t></si><si><r><rPr><b/><sz val="11"/></rPr><t>数据库</t></r><r><t xml:space="preserve"> 主 </t></r></si><si><t>アプリ</t><rPh sb="0" eb="3"><t>あぷり</t></rPh></si><si><t>web_x000D_01 &amp; co</t></si></sst>
        """

    /// A sheet as Excel saves it: a dimension, spans, styles, a numeric ID, an empty cell, a blank row, a formula.
    static let excelSheet = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:D7"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>\
        <row r="1" spans="1:4"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>3</v></c></row>\
        <row r="2" spans="1:4"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="1"><v>123</v></c><c r="D2" t="inlineStr"><is><t>ops</t></is></c></row>\
        <row r="3" spans="1:4"><c r="A3" t="s"><v>6</v></c><c r="B3"><v>1.2345678901E+11</v></c><c r="C3" t="str"><f>"s-"&amp;"3"</f><v>s-3</v></c></row>\
        <row r="4" spans="1:4"><c r="A4" s="2"/><c r="B4" s="2"/><c r="C4" s="2"/></row>\
        <row r="6" spans="1:4"><c r="A6" t="s"><v>7</v></c><c r="B6" t="inlineStr"><is><t>t-6</t></is></c><c r="C6"><v>6</v></c></row>\
        <row r="7" spans="1:4"><c r="A7" t="inlineStr"><is><t>orphan</t></is></c><c r="C7"><v>7</v></c></row>\
        </sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
        """

    static func problems(_ data: Data, name: String) -> [String] {
        do {
            _ = try ManifestReader().read(data, name: name)
            return []
        } catch let error as ManifestError {
            return error.problems
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func excelWorkbookWithSharedStringsNumbersAndAnErrorNamingTheCell() throws {
        let data = try Self.workbook(
            Self.excelParts(sheetName: "服务器", sheet: Self.excelSheet, sharedStrings: Self.sharedStrings))
        let problems = Self.problems(data, name: "servers.xlsx")
        #expect(problems == ["servers.xlsx:服务器!B7: task_id is empty"])

        let fixed = Self.excelSheet.replacingOccurrences(
            of:
                #"<row r="7" spans="1:4"><c r="A7" t="inlineStr"><is><t>orphan</t></is></c><c r="C7"><v>7</v></c></row>"#,
            with: "")
        let manifest = try ManifestReader().read(
            Self.workbook(Self.excelParts(sheetName: "Servers", sheet: fixed, sharedStrings: Self.sharedStrings)),
            name: "servers.xlsx")
        #expect(manifest.entries.map(\.taskID) == ["t-1", "123456789010", "t-6"])
        #expect(manifest.entries.map(\.sourceID) == ["123", "s-3", "6"])
        #expect(manifest.entries.map(\.sourceName) == ["数据库 主 ", "アプリ", "web\r01 & co"])
        #expect(manifest.entries[2].location.description == "servers.xlsx:Servers!B6")
    }

    @Test func dimensionlessSheetWithoutReferencesAndInlineStrings() throws {
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row><c t="inlineStr"><is><t>source_id</t></is></c><c t="inlineStr"><is><t>task_id</t></is></c><c t="inlineStr"><is><t>source_name</t></is></c></row>\
            <row><c t="inlineStr"><is><t>s-1</t></is></c><c t="inlineStr"><is><t>t-1</t></is></c><c t="inlineStr"><is><t>db</t></is></c></row>\
            <row><c r="B3" t="inlineStr"><is><t>t-2</t></is></c><c t="inlineStr"><is><t>web</t></is></c></row>\
            </sheetData></worksheet>
            """
        let manifest = try ManifestReader().read(
            Self.workbook(Self.excelParts(sheetName: "Sheet1", sheet: sheet, sharedStrings: nil)), name: "t.xlsx")
        #expect(manifest.entries.map(\.taskID) == ["t-1", "t-2"])
        #expect(manifest.entries.map(\.sourceID) == ["s-1", ""])
        #expect(manifest.entries.map(\.sourceName) == ["db", "web"])
        #expect(manifest.entries[1].location.description == "t.xlsx:Sheet1!B3")
    }

    @Test func aHeaderWithoutTheColumnsNamesA1() throws {
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>
            """
        let problems = Self.problems(
            try Self.workbook(Self.excelParts(sheetName: "Sheet1", sheet: sheet, sharedStrings: nil)), name: "t.xlsx")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("t.xlsx:Sheet1!A1: the header lacks task_id, source_id, source_name") == true)
    }

    @Test func notAWorkbook() {
        let problems = Self.problems(Data("task_id,source_id,source_name\n".utf8), name: "t.xlsx")
        #expect(problems.count == 1 && problems[0].contains("t.xlsx") && problems[0].contains(".xlsx"))
        let bad = Self.problems(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]), name: "upload.bin")
        #expect(bad.count == 1 && bad[0].hasPrefix("upload.bin"))
    }

    @Test func malformedSheetXMLNamesTheFile() throws {
        let problems = Self.problems(
            try Self.workbook(
                Self.excelParts(sheetName: "Sheet1", sheet: "<worksheet><sheetData><row>", sharedStrings: nil)),
            name: "t.xlsx")
        #expect(problems.count == 1 && problems[0].hasPrefix("t.xlsx:") && problems[0].contains("XML"))
    }

    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["CI"] == "true"
                || FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice"),
            "LibreOffice (soffice) is not installed (apt-get install libreoffice-calc-nogui)"))
    func aWorkbookLibreOfficeMadeFromCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "task_id,source_id,source_name\nt-1,1001,数据库 主\nt-2,s-2,web-01\n,,\n"
            .write(to: folder.appendingPathComponent("servers.csv"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
        process.arguments = [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "xlsx",
            "--infilter=CSV:44,34,76", "--outdir", folder.path, folder.appendingPathComponent("servers.csv").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: folder.appendingPathComponent("servers.xlsx"))
        let manifest = try ManifestReader().read(data, name: "servers.xlsx")
        #expect(manifest.entries.map(\.taskID) == ["t-1", "t-2"])
        #expect(manifest.entries.map(\.sourceID) == ["1001", "s-2"], "LibreOffice stores 1001 as a number")
        #expect(manifest.entries.map(\.sourceName) == ["数据库 主", "web-01"])
        #expect(manifest.entries[1].location.description == "servers.xlsx:servers!A3")
    }
}
