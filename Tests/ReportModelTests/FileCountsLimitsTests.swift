import Foundation
import ReportModel
import Testing

/// Totals and ratios never trap, whatever valid counts (or hand-edited results.json counts) they add up.
@Suite struct FileCountsLimitsTests {
    @Test func ratioOfTheLargestValidCounts() {
        let max = FileCounts.maximumCount
        #expect(FileCounts(total: max, different: 1).consistencyBasisPoints == 9_999)
        #expect(FileCounts(total: max).consistencyBasisPoints == 10_000)
        #expect(FileCounts(total: Int.max, different: Int.max, missingOnTarget: Int.max).consistencyBasisPoints == 0)
        #expect(FileCounts(total: Int.max, missingOnTarget: 1).consistencyBasisPoints == 9_999)
        #expect(FileCounts(total: 3, different: 1).consistencyBasisPoints == 6_666)
        // More differences than files (a server that contradicts itself) is 0%, not negative.
        #expect(FileCounts(total: 3, different: 5).consistencyBasisPoints == 0)
        #expect(FileCounts(total: 3, different: -5).consistencyBasisPoints == 10_000)
        #expect(FileCounts(total: Int.min).consistencyBasisPoints == nil)
    }

    @Test func sumsSaturateInsteadOfTrapping() {
        let big = FileCounts(total: Int.max, different: Int.max - 1, missingOnTarget: 1, extraOnTarget: Int.max)
        let sum = big + big
        #expect(sum == FileCounts(total: Int.max, different: Int.max, missingOnTarget: 2, extraOnTarget: Int.max))
        #expect(FileCounts.sum(Int.min, -1) == Int.min)
        #expect(FileCounts.difference(Int.min, 1) == Int.min)
        #expect(FileCounts.difference(Int.max, -1) == Int.max)
        #expect(FileCounts.difference(10, 3) == 7)
        #expect(big.differenceCount == Int.max)
    }

    /// The issue's figure: 450 tasks × 1,000 directories × 2,147,483,647 files (~9.7e17) is summed exactly.
    @Test func runTotalsOfFourHundredFiftyThousandHugeDirectories() {
        let directory = DirectoryResult(
            path: "/d", counts: FileCounts(total: Int(Int32.max), different: 1, missingOnTarget: 1, extraOnTarget: 1))
        let directories = Array(repeating: directory, count: 1_000)
        let tasks = (0..<450).map { index in
            TaskRecord(taskID: "t\(index)", sourceID: "s\(index % 45)", sourceName: "server", directories: directories)
        }
        let totals = ConsistencySummary(tasks: tasks).totals
        #expect(totals.counts.total == 450_000 * Int(Int32.max))
        #expect(totals.counts.different == 450_000)
        #expect(totals.directoryCount == 450_000)
        #expect(totals.counts.consistencyBasisPoints == 9_999)
    }

    @Test func handEditedResultsCountsAreClamped() throws {
        let json = #"""
            [{"dir_check":"/a","num_total_files":9223372036854775807,"num_different_files":-5,
              "num_target_miss_files":1e30,"num_target_more_files":2.7},
             {"dir_check":"/b","num_total_files":null,"num_different_files":-1e300},
             {"dir_check":"/c","num_total_files":9007199254740993}]
            """#
        let directories = try JSONDecoder().decode([DirectoryResult].self, from: Data(json.utf8))
        let max = FileCounts.maximumCount
        #expect(directories[0].counts == FileCounts(total: max, different: 0, missingOnTarget: max, extraOnTarget: 2))
        #expect(directories[1].counts == .zero)
        #expect(directories[2].counts.total == max)
    }

    @Test func textCountsInResultsAreStillAnError() {
        let json = #"[{"dir_check":"/a","num_total_files":"many"}]"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([DirectoryResult].self, from: Data(json.utf8)) }
    }
}
