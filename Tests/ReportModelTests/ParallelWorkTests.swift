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

/// Items made on several threads are handed over in order, one at a time, never more than the window ahead of the
/// last one handed over, each worker on one thread at a time; the first error stops the stream.
@Suite struct ParallelWorkInOrderTests {
    /// A worker that notices being used by two threads at once.
    final class Worker: Sendable {
        let busy = Atomic<Bool>(false)
        let overlaps = Atomic<Int>(0)
    }

    struct Failure: Error, Equatable { var item: Int }

    @Test(arguments: [1, 2, 3, 8]) func itemsArriveInOrderWithinTheWindow(threads: Int) throws {
        let workers = (0..<threads).map { _ in Worker() }
        let consumedCount = Atomic<Int>(0)
        let outsideWindow = Atomic<Int>(0)
        let window = 4
        var consumed: [Int] = []
        try ParallelWork.inOrder(
            count: 300, workers: workers, window: window,
            produce: { index, worker in
                if worker.busy.exchange(true, ordering: .acquiring) { worker.overlaps.add(1, ordering: .relaxed) }
                defer { worker.busy.store(false, ordering: .releasing) }
                // The window counts from the items handed over so far (at least the engine's count).
                if index >= consumedCount.load(ordering: .relaxed) + max(window, threads) {
                    outsideWindow.add(1, ordering: .relaxed)
                }
                // Uneven work, so that later items often finish first.
                var x = index
                for _ in 0..<((300 - index) % 37) * 200 { x = (x &* 31) &+ 7 }
                return x == Int.min ? -1 : index * 3
            },
            consume: { value in
                consumed.append(value)
                consumedCount.add(1, ordering: .relaxed)
            })
        #expect(consumed == (0..<300).map { $0 * 3 })
        #expect(outsideWindow.load(ordering: .relaxed) == 0)
        #expect(workers.allSatisfy { $0.overlaps.load(ordering: .relaxed) == 0 })
    }

    @Test(arguments: [1, 3]) func theFirstErrorStopsTheStream(threads: Int) throws {
        var consumed: [Int] = []
        let error = #expect(throws: Failure.self) {
            try ParallelWork.inOrder(
                count: 100, workers: Array(repeating: 0, count: threads), window: 2,
                produce: { index, _ in
                    if index == 17 { throw Failure(item: index) }
                    return index
                },
                consume: { consumed.append($0) })
        }
        #expect(error == Failure(item: 17))
        // Nothing from item 17 on is handed over, and what was is a prefix in order.
        #expect(consumed.count <= 17)
        #expect(consumed == Array(0..<consumed.count))
    }

    @Test func aFailingConsumerStopsTheStream() throws {
        var consumed: [Int] = []
        #expect(throws: Failure.self) {
            try ParallelWork.inOrder(
                count: 100, workers: [0, 1], window: 2, produce: { index, _ in index },
                consume: { value in
                    if value == 5 { throw Failure(item: value) }
                    consumed.append(value)
                })
        }
        #expect(consumed == Array(0..<5))
    }

    @Test func noItemsCallNothing() throws {
        try ParallelWork.inOrder(
            count: 0, workers: [0, 1], window: 2, produce: { _, _ in Issue.record("produced") },
            consume: { Issue.record("consumed \($0)") })
    }
}
