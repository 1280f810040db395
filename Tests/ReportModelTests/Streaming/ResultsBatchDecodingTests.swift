import Foundation
import ReportModel
import Testing

/// Tasks are decoded in batches on every core: the snapshot keeps file order, and the error named is the first
/// one in the file, wherever the batches are cut.
@Suite struct ResultsBatchDecodingTests {
    typealias Doc = ResultsDocument

    /// 1,300 tasks: more than two batches of 512, so the first and last batches are cut mid-array.
    static let count = 1_300

    static func tasks(badAt bad: Set<Int> = []) -> String {
        (0..<count).map { Doc.task(id: "t\($0)", path: "/d\($0 % 7)", total: bad.contains($0) ? #""x""# : "\($0)") }
            .joined(separator: ",\n")
    }

    @Test func manyTasksKeepTheirOrderAndValues() throws {
        let snapshot = try Doc.read(Doc.with(tasks: Self.tasks()))
        #expect(snapshot.tasks.map(\.taskID) == (0..<Self.count).map { "t\($0)" })
        #expect(snapshot.tasks.map { $0.directories.first?.counts.total } == (0..<Self.count).map { $0 })
    }

    @Test(arguments: [0, 511, 512, 1_023, 1_024, 1_299]) func theFirstBadTaskIsNamed(index: Int) throws {
        let text = Doc.with(tasks: Self.tasks(badAt: [index, min(index + 3, Self.count - 1), Self.count - 1]))
        let message = try #require(Doc.failure(text))
        #expect(message.hasPrefix("results.json: tasks[\(index)].directories[0].num_total_files: "), "\(message)")
    }

    @Test func aBadTaskBeforeASyntaxErrorInALaterBatchIsTheError() throws {
        let text = Doc.with(tasks: Self.tasks(badAt: [600]) + #", {"task_id":"a",,"x":1}"#)
        let message = try #require(Doc.failure(text))
        #expect(message.hasPrefix("results.json: tasks[600].directories[0]"), "\(message)")
    }

    @Test func aSyntaxErrorAfterGoodTasksNamesItsTask() throws {
        let text = Doc.with(tasks: Self.tasks() + #", {"task_id":"a",,"x":1}"#)
        let message = try #require(Doc.failure(text))
        #expect(message.hasPrefix("results.json: tasks[\(Self.count)]: "), "\(message)")
    }
}
