import Pipeline
import Testing

@Suite struct ExportBatchTests {
    static func entries(_ count: Int) -> [ManifestEntry] {
        (0..<count).map {
            ManifestEntry(
                taskID: "t-\($0)", sourceID: "s", sourceName: "n", location: ManifestLocation(file: "m", line: $0 + 2))
        }
    }

    @Test(arguments: [
        (1, 200, [1]), (200, 200, [200]), (201, 200, [200, 1]), (1234, 200, [200, 200, 200, 200, 200, 200, 34]),
        (5, 2, [2, 2, 1]),
    ])
    func batchesKeepOrderAndLimit(count: Int, size: Int, expected: [Int]) {
        let batches = ExportBatch.plan(Self.entries(count), size: size)
        #expect(batches.map(\.entries.count) == expected)
        #expect(batches.flatMap(\.entries).map(\.taskID) == Self.entries(count).map(\.taskID))
        #expect(batches.map(\.number) == Array(1...expected.count))
        #expect(batches.first?.fileStem == "batch-0001")
    }

    @Test func noEntriesNoBatch() {
        #expect(ExportBatch.plan([]).isEmpty)
    }
}
