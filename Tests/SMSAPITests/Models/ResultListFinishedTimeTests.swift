import Testing

@testable import SMSAPI

/// SPEC 1 shapes (b)/(c): a `finished_time` beside `result_list` stands for the entries that carry none.
@Suite struct ResultListFinishedTimeTests {
    static let directoryText = #"{\"dir_check\":\"/a\",\"num_total_files\":1}"#

    @Test func directoriesAsTextTakeTheTopLevelTime() throws {
        let body = #"{"task_id":"t","finished_time":1598435801422,"result_list":["\#(Self.directoryText)"]}"#
        let result = try TaskConsistencyResult.decode(body: Array(body.utf8))
        #expect(result.directories.map(\.path) == ["/a"])
        #expect(result.finishedTimeMilliseconds == 1_598_435_801_422)
    }

    @Test func aRunWithoutTimeTakesTheTopLevelTimeInSecondsOrAsText() throws {
        let body = #"{"finished_time":"1598435801","result_list":[{"consistency_result":[{"dir_check":"/b"}]}]}"#
        let result = try TaskConsistencyResult.decode(body: Array(body.utf8))
        #expect(result.finishedTimeMilliseconds == 1_598_435_801_000)
    }

    @Test func anEntrysOwnTimeWinsOverTheTopLevelOne() throws {
        let body = #"{"finished_time":5,"result_list":[{"finished_time":7,"consistency_result":[{"dir_check":"/c"}]}]}"#
        let result = try TaskConsistencyResult.decode(body: Array(body.utf8))
        #expect(result.finishedTimeMilliseconds == 7000)
    }

    @Test func aBadTopLevelTimeIsUnrecognized() {
        let body = #"{"finished_time":"yesterday","result_list":["\#(Self.directoryText)"]}"#
        #expect(throws: TaskConsistencyResult.DecodingFailure.self) {
            try TaskConsistencyResult.decode(body: Array(body.utf8))
        }
    }
}
