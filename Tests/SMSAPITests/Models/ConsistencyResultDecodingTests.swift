import Foundation
import Testing

@testable import SMSAPI

/// Every tolerated body of `GET …/consistency-result` (SPEC 1), and the ones that are unrecognized.
@Suite struct ConsistencyResultDecodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var paths: [String]
        var finished: Int64?
        var testDescription: String { name }
    }

    static let root =
        #"{"dir_check":"/root","num_total_files":10,"num_different_files":1,"num_target_miss_files":2,"num_target_more_files":3}"#
    static let varDir = #"{"dir_check":"/var","num_total_files":5}"#

    static let tolerated: [Case] = [
        Case(
            name: "shape a", body: #"{"consistency_result":[\#(root),\#(varDir)],"finished_time":1598435801422}"#,
            paths: ["/root", "/var"], finished: 1_598_435_801_422),
        Case(
            name: "shape a, time as string",
            body: #"{"consistency_result":[\#(root)],"finished_time":"1598435801422"}"#,
            paths: ["/root"], finished: 1_598_435_801_422),
        Case(
            name: "shape a, time in seconds", body: #"{"consistency_result":[\#(root)],"finished_time":1598435801}"#,
            paths: ["/root"], finished: 1_598_435_801_000),
        Case(
            name: "shape a, seconds as string",
            body: #"{"consistency_result":[\#(root)],"finished_time":"1598435801"}"#,
            paths: ["/root"], finished: 1_598_435_801_000),
        Case(
            name: "shape a, time 0", body: #"{"consistency_result":[\#(root)],"finished_time":0}"#, paths: ["/root"],
            finished: nil),
        Case(
            name: "shape a, time null", body: #"{"consistency_result":[\#(root)],"finished_time":null}"#,
            paths: ["/root"], finished: nil),
        Case(
            name: "shape a, time missing", body: #"{"consistency_result":[\#(root)]}"#, paths: ["/root"], finished: nil),
        Case(
            name: "shape a, unknown fields",
            body:
                #"{"x":1,"consistency_result":[{"dir_check":"/root","extra":[1],"num_total_files":1}],"finished_time":5}"#,
            paths: ["/root"], finished: 5000),
        Case(name: "shape a, empty", body: #"{"consistency_result":[],"finished_time":0}"#, paths: [], finished: nil),
        Case(name: "shape a, null list", body: #"{"consistency_result":null}"#, paths: [], finished: nil),
        Case(name: "empty object", body: "{}", paths: [], finished: nil),
        Case(name: "only task id", body: #"{"task_id":"t"}"#, paths: [], finished: nil),
        Case(
            name: "null counts and path", body: #"{"consistency_result":[{"dir_check":null,"num_total_files":null}]}"#,
            paths: [""], finished: nil),
        Case(
            name: "counts as strings", body: #"{"consistency_result":[{"dir_check":"/s","num_total_files":"7"}]}"#,
            paths: ["/s"], finished: nil),
        Case(
            name: "shape b",
            body:
                #"{"task_id":"t","result_list":[{"finished_time":1598435801422,"check_result":"x","consistency_result":[\#(root)]}]}"#,
            paths: ["/root"], finished: 1_598_435_801_422),
        Case(
            name: "shape b, latest run wins",
            body:
                #"{"task_id":"t","result_list":[{"finished_time":2000000000000,"consistency_result":[\#(varDir)]},{"finished_time":1000000000000,"consistency_result":[\#(root)]}]}"#,
            paths: ["/var"], finished: 2_000_000_000_000),
        Case(name: "shape b, empty list", body: #"{"task_id":"t","result_list":[]}"#, paths: [], finished: nil),
        Case(name: "shape b, null list", body: #"{"task_id":"t","result_list":null}"#, paths: [], finished: nil),
        Case(
            name: "shape c, run as text",
            body:
                #"{"task_id":"t","result_list":["{\"finished_time\":\"1598435801\",\"consistency_result\":[{\"dir_check\":\"/root\",\"num_total_files\":1}]}"]}"#,
            paths: ["/root"], finished: 1_598_435_801_000),
        Case(
            name: "shape c, directories as text",
            body:
                #"{"task_id":"t","result_list":["{\"dir_check\":\"/a\",\"num_total_files\":1}","{\"dir_check\":\"/b\",\"num_total_files\":2}"]}"#,
            paths: ["/a", "/b"], finished: nil),
    ]

    @Test(arguments: tolerated)
    func decodesTolerated(_ sample: Case) throws {
        let result = try TaskConsistencyResult.decode(body: Array(sample.body.utf8))
        #expect(result.directories.map(\.path) == sample.paths)
        #expect(result.finishedTimeMilliseconds == sample.finished)
    }

    @Test func keepsAllCounts() throws {
        let result = try TaskConsistencyResult.decode(body: Array(#"{"consistency_result":[\#(Self.root)]}"#.utf8))
        #expect(
            result.directories == [
                DirectoryCheck(path: "/root", total: 10, different: 1, missingOnTarget: 2, extraOnTarget: 3)
            ])
    }

    static let unrecognized: [(String, String)] = [
        ("empty body", ""), ("html", "<html>502 Bad Gateway</html>"), ("array root", "[]"), ("number root", "42"),
        ("truncated", #"{"consistency_result":[{"dir_check":"/"#), ("unknown object", #"{"status":"ok"}"#),
        ("list is object", #"{"consistency_result":{}}"#), ("entry is number", #"{"consistency_result":[1]}"#),
        ("count negative", #"{"consistency_result":[{"dir_check":"/","num_total_files":-1}]}"#),
        ("count text", #"{"consistency_result":[{"dir_check":"/","num_total_files":"many"}]}"#),
        ("time text", #"{"consistency_result":[],"finished_time":"yesterday"}"#),
        ("time negative", #"{"consistency_result":[],"finished_time":-5}"#),
        ("result_list text not JSON", #"{"result_list":["nope"]}"#), ("result_list not array", #"{"result_list":"x"}"#),
        ("entry without fields", #"{"result_list":[{"foo":1}]}"#),
    ]

    @Test(arguments: unrecognized)
    func rejectsUnrecognized(_ name: String, _ body: String) {
        #expect(throws: TaskConsistencyResult.DecodingFailure.self, "\(name)") {
            try TaskConsistencyResult.decode(body: Array(body.utf8))
        }
    }
}
