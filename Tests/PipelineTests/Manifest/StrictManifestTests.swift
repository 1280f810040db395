import Foundation
import Pipeline
import Testing

/// SPEC 2 step 1, the strict rules: unterminated quotes, duplicate header columns, Excel's empty rows,
/// trimmed IDs and verbatim names.
@Suite struct StrictManifestTests {
    func problems(_ text: String, name: String = "tasks.csv") -> [String] {
        do {
            _ = try ManifestReader().read(Data(text.utf8), name: name)
            return []
        } catch let error as ManifestError {
            return error.problems
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func anUnterminatedQuoteNamesTheLineWhereTheFieldStarts() {
        let text = "task_id,source_id,source_name\nt-1,s-1,a\nt-2,s-2,\"open\nt-3,s-3,c\n"
        #expect(
            problems(text) == ["tasks.csv:3: unterminated quote: the quoted field that starts on this line never ends"])
    }

    @Test func anUnterminatedQuoteInALaterFieldOfAMultiLineRecordNamesThatFieldsLine() {
        let text = "task_id,source_id,source_name\nt-1,\"s\n1\",\"x\nt-2,s-2,b\n"
        #expect(problems(text).first?.hasPrefix("tasks.csv:3: unterminated quote") == true)
    }

    @Test func aHeaderNamingAColumnTwiceIsAnError() {
        let text = "task_id,source_id,Task_ID,source_name\nt-1,s-1,t-9,a\n"
        #expect(problems(text) == ["tasks.csv:1: the header names column 'task_id' twice (columns 1 and 3)"])
    }

    @Test func unnamedPaddingColumnsAreNotDuplicates() throws {
        let manifest = try ManifestReader().read(
            Data("task_id,source_id,source_name,,\nt-1,s-1,a,,\n".utf8), name: "t.csv")
        #expect(manifest.entries.map(\.taskID) == ["t-1"])
    }

    @Test func rowsOfEmptyCellsAreSkippedAndLinesStillCount() throws {
        let text = ",,,\ntask_id,source_id,source_name\n,,\nt-1,s-1,a\n , ,\n,,\nt-2,,b\n,,\n"
        let manifest = try ManifestReader().read(Data(text.utf8), name: "t.csv")
        #expect(manifest.entries.map(\.taskID) == ["t-1", "t-2"])
        #expect(manifest.entries.map(\.location.description) == ["t.csv:4", "t.csv:7"])
    }

    @Test func idsAreTrimmedAndTheSourceNameIsKeptVerbatim() throws {
        let text = "task_id,source_id,source_name\n  t-1\t, s-1 ,\"  web 01 \"\n"
        let manifest = try ManifestReader().read(Data(text.utf8), name: "t.csv")
        #expect(manifest.entries[0].taskID == "t-1")
        #expect(manifest.entries[0].sourceID == "s-1")
        #expect(manifest.entries[0].sourceName == "  web 01 ")
        #expect(manifest.entries[0].taskInfo.sourceName == "  web 01 ")
    }

    @Test func jsonAndYAMLKeepTheSourceNameVerbatimToo() throws {
        let json = try ManifestReader().read(
            Data(#"[{"task_id":" t-1 ","source_id":"s","source_name":" db "}]"#.utf8), name: "m.json")
        #expect(json.entries[0].taskID == "t-1")
        #expect(json.entries[0].sourceName == " db ")
        let yaml = try ManifestReader().read(
            Data("- {task_id: t-1, source_id: s, source_name: \" db \"}\n".utf8), name: "m.yaml")
        #expect(yaml.entries[0].sourceName == " db ")
    }

    @Test func crAndCRLFAndQuotedLineBreaksCountAsPhysicalLines() throws {
        let text = "task_id,source_id,source_name\r\nt-1,s-1,\"a\r\nb\"\rt-2,s-2,c\n"
        let manifest = try ManifestReader().read(Data(text.utf8), name: "t.csv")
        #expect(manifest.entries.map(\.location.description) == ["t.csv:2", "t.csv:4"])
        #expect(manifest.entries[0].sourceName == "a\r\nb")
    }
}
