import Foundation
import ReportModel
import Testing

/// A `results.json` that cannot be read fails with the place: the value's path (`tasks[1].directories[0]…`),
/// and the line and byte offset of a syntax error; the schema version is checked wherever it stands.
@Suite struct ResultsStreamReaderErrorTests {
    typealias Doc = ResultsDocument

    @Test(arguments: [1, 3, 1 << 16]) func aCountThatIsTextNamesItsPath(chunk: Int) throws {
        let text = Doc.with(tasks: Doc.task() + ",\n" + Doc.task(id: "t2", total: #""many""#))
        let message = try #require(Doc.failure(text, chunk: chunk))
        #expect(message.hasPrefix("results.json: tasks[1].directories[0].num_total_files: "), "\(message)")
        #expect(message.hasSuffix("(in the value at line 3)"), "\(message)")
    }

    @Test func aMissingTaskIDNamesItsPath() throws {
        let message = try #require(Doc.failure(Doc.with(tasks: #"{"source_id":"s"}"#)))
        #expect(message == "results.json: tasks[0].task_id: missing (in the value at line 2)")
    }

    @Test(arguments: [1, 2, 5, 1 << 16]) func aSyntaxErrorGivesLineAndOffset(chunk: Int) throws {
        let text = "{\n  \"schema_version\" : 1,\n  \"tasks\" : [ {\"task_id\":\"a\"} {\"task_id\":\"b\"} ]\n}"
        let message = try #require(Doc.failure(text, chunk: chunk))
        #expect(
            message == "results.json: not a smsreport results file (invalid JSON at line 3, byte offset 56: "
                + "expected ',' or ']', found '{')")
    }

    @Test func anUnclosedStringSaysWhereItStarts() throws {
        let text = Doc.with(tasks: #"{"task_id":"a"}"#).dropLast(3) + #"}, {"task_id":"b]}"#
        let message = try #require(Doc.failure(String(text), chunk: 4))
        #expect(message.contains("invalid JSON at line 2"), "\(message)")
        #expect(message.contains("is not closed before the end of the file"), "\(message)")
        #expect(message.hasPrefix("results.json: tasks[1]: "), "\(message)")
    }

    @Test func brokenJSONInsideATaskNamesTheTask() throws {
        let message = try #require(Doc.failure(Doc.with(tasks: #"{"task_id":"a",,"x":1}"#)))
        #expect(message.hasPrefix("results.json: tasks[0]: "), "\(message)")
        #expect(message.contains("(in the value at line 2)"), "\(message)")
    }

    @Test func mismatchedBracketsAndTrailingContentAreSyntaxErrors() throws {
        let mismatched = try #require(Doc.failure(Doc.with(tasks: #"{"task_id":"a","d":[1}"#)))
        #expect(mismatched.contains("unexpected '}'"), "\(mismatched)")
        let trailing = try #require(Doc.failure(Doc.with(tasks: "") + " {}"))
        #expect(trailing.contains("unexpected content after the end of the document"), "\(trailing)")
    }

    @Test func notAnObjectIsNotAResultsFile() {
        #expect(Doc.failure("[1, 2]") == "results.json: not a smsreport results file (not a JSON object)")
        #expect(Doc.failure("") == "results.json: not a smsreport results file (not a JSON object)")
        let open = Doc.failure("{")
        #expect(open?.hasPrefix("results.json: not a smsreport results file (invalid JSON at line 1") == true)
    }

    @Test func aMissingPartIsNamed() {
        let text = #"{"schema_version":1,"run":\#(Doc.run),"exports":[]}"#
        #expect(Doc.failure(text) == "results.json: tasks: missing")
        #expect(Doc.failure(#"{"schema_version":1,"tasks":[],"exports":[]}"#) == "results.json: run: missing")
        #expect(Doc.failure(Doc.with(tasks: "") + "x")?.contains("after the end") == true)
        let twice = #"{"schema_version":1,"tasks":[],"tasks":[]}"#
        #expect(Doc.failure(twice) == "results.json: tasks: appears twice (line 1)")
    }

    @Test func anotherVersionIsRefused() {
        let expected = "results.json: schema_version 2 is not supported (this smsreport reads 1)"
        #expect(Doc.failure(Doc.with(tasks: Doc.task(), version: "2")) == expected)
        let missing = #"{"run":\#(Doc.run),"exports":[],"tasks":[]}"#
        #expect(Doc.failure(missing)?.hasPrefix("results.json: schema_version missing is not supported") == true)
        #expect(Doc.failure(Doc.with(tasks: "", version: #""1""#))?.contains(#"schema_version "1" is not"#) == true)
    }

    @Test func theVersionAfterTheTasksStillComesFirst() {
        let broken = Doc.task(id: "t1", total: #""x""#) + "," + Doc.task(id: "t2")
        let late2 = #"{"tasks":[\#(broken)],"run":\#(Doc.run),"exports":[],"schema_version":2}"#
        #expect(Doc.failure(late2) == "results.json: schema_version 2 is not supported (this smsreport reads 1)")
        let late1 = #"{"tasks":[\#(broken)],"run":\#(Doc.run),"exports":[],"schema_version":1}"#
        #expect(Doc.failure(late1)?.hasPrefix("results.json: tasks[0].directories[0].num_total_files: ") == true)
        let none = #"{"tasks":[\#(broken)],"run":\#(Doc.run),"exports":[]}"#
        #expect(Doc.failure(none)?.contains("schema_version missing") == true)
    }

    @Test func anElementLargerThanTheLimitFails() throws {
        let limits = ResultsSnapshot.ReadLimits(maximumElementBytes: 300)
        let long = Doc.task(path: String(repeating: "x", count: 300))
        let message = try #require(Doc.failure(Doc.with(tasks: Doc.task() + "," + long), chunk: 16, limits: limits))
        #expect(message.hasPrefix("results.json: tasks[1]: invalid JSON at line 2"), "\(message)")
        #expect(message.hasSuffix("a value larger than 300 bytes"), "\(message)")
        #expect(Doc.failure(Doc.with(tasks: Doc.task()), limits: limits) == nil)
    }

    @Test func nestingDeeperThanTheLimitFails() throws {
        let deep = #"{"task_id":"a","x":"# + String(repeating: "[", count: 10) + String(repeating: "]", count: 10) + "}"
        let limits = ResultsSnapshot.ReadLimits(maximumDepth: 8)
        let message = try #require(Doc.failure(Doc.with(tasks: deep), chunk: 3, limits: limits))
        #expect(message.contains("nesting deeper than 8 levels"), "\(message)")
        let skipped = #"{"schema_version":1,"x":"# + String(repeating: "[", count: 10) + "]]]]]]]]]]}"
        #expect(Doc.failure(skipped, limits: limits)?.contains("nesting deeper than 8 levels") == true)
        #expect(Doc.failure(Doc.with(tasks: deep)) == nil)
    }
}
