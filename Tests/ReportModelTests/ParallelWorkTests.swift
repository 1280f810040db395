import Synchronization
import Testing

@testable import ReportModel

/// Work spread over threads gives its results in input order, runs every element exactly once and never runs
/// more at a time than asked.
@Suite struct ParallelWorkTests {
    @Test(arguments: [1, 2, 4, 64]) func resultsComeBackInInputOrder(parallelism: Int) {
        let input = Array(0..<1_000)
        let output = ParallelWork.map(input, parallelism: parallelism) { value in
            // Uneven work, so that later elements often finish first.
            var x = value
            for _ in 0..<((1_000 - value) % 97) * 50 { x = (x &* 31) &+ 7 }
            return (value, x == Int.min ? 0 : value * 2)
        }
        #expect(output.map(\.0) == input)
        #expect(output.map(\.1) == input.map { $0 * 2 })
    }

    @Test func noMoreThanTheParallelismRunsAtOnce() {
        let running = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        _ = ParallelWork.map(Array(0..<200), parallelism: 2) { _ in
            let now = running.add(1, ordering: .relaxed).newValue
            _ = most.max(now, ordering: .relaxed)
            for _ in 0..<10_000 { _ = running.load(ordering: .relaxed) }
            running.subtract(1, ordering: .relaxed)
        }
        #expect(most.load(ordering: .relaxed) <= 2)
    }

    @Test func noElementsGiveNoResults() {
        #expect(ParallelWork.map([Int](), parallelism: 4) { $0 }.isEmpty)
    }
}
