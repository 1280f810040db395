import Foundation
import Testing

@testable import SMSAPI

/// Counts are integers from 0 to 2^53, as JSON numbers or numeric strings; anything else is unrecognized (SPEC 2.4).
@Suite struct CountRangeTests {
    static func body(_ count: String) -> [UInt8] {
        Array(#"{"consistency_result":[{"dir_check":"/d","num_total_files":\#(count)}]}"#.utf8)
    }

    static let accepted: [(String, Int)] = [
        ("0", 0), ("7", 7), ("2147483648", 2_147_483_648), (#""1000000000000000""#, 1_000_000_000_000_000),
        ("9007199254740992", 9_007_199_254_740_992), (#""9007199254740992""#, 9_007_199_254_740_992),
        ("5.0", 5), ("1e3", 1000), (#""""#, 0), ("null", 0),
    ]

    @Test(arguments: accepted)
    func acceptsCountsUpTo2To53(_ text: String, _ expected: Int) throws {
        let result = try TaskConsistencyResult.decode(body: Self.body(text))
        #expect(result.directories.first?.total == expected, "\(text)")
    }

    static let rejected: [String] = [
        "-1", "9007199254740993", #""9007199254740993""#, "9223372036854775807", "18446744073709551616", "1e30",
        #""1e30""#, "1.5", #""1.5""#, #""-1""#, #""+5""#, #"" 5""#, #""5 ""#, #""0x10""#, #""١٢""#,
        "\"" + String(repeating: "9", count: 400) + "\"", String(repeating: "9", count: 400), "true", "[1]", "{}",
        "-0.5", "1e308",
    ]

    @Test(arguments: rejected)
    func rejectsEverythingElse(_ text: String) {
        #expect(throws: TaskConsistencyResult.DecodingFailure.self, "\(text.prefix(40))") {
            try TaskConsistencyResult.decode(body: Self.body(text))
        }
    }

    @Test func everyCountFieldIsChecked() {
        for key in ["num_different_files", "num_target_miss_files", "num_target_more_files"] {
            let body = #"{"consistency_result":[{"dir_check":"/d","num_total_files":1,"\#(key)":"1e30"}]}"#
            #expect(throws: TaskConsistencyResult.DecodingFailure.self, "\(key)") {
                try TaskConsistencyResult.decode(body: Array(body.utf8))
            }
        }
    }
}
