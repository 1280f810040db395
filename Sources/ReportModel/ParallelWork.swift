import Dispatch
import Synchronization

/// The one bounded-parallel primitive for CPU work: runs independent pieces of work on up to a given number of
/// threads and gives their results back in input order, all at once (``map(_:parallelism:_:)``) or one by one as
/// they are ready (``inOrder(count:workers:window:produce:consume:)``). Async work has its own primitive, the
/// task group of Pipeline's `mapConcurrently`.
package enum ParallelWork {
    /// `transform` applied to every element, at most `parallelism` at a time; the order of the results is the
    /// order of `elements`, whatever order the work finished in.
    package static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], parallelism: Int, _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        let workers = min(max(parallelism, 1), elements.count)
        guard workers > 1 else { return elements.map(transform) }
        let next = Atomic<Int>(0)
        let results = Mutex<[Output?]>(Array(repeating: nil, count: elements.count))
        onThreads(workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let output = transform(elements[index])
                results.withLock { $0[index] = output }
            }
        }
        // Every index was claimed and filled once onThreads returns.
        return results.withLock { $0.compactMap { $0 } }
    }

    /// Runs `body(0..<count)` on `count` threads at once, the calling one included, and returns when all are done:
    /// the only place that starts threads for CPU work.
    static func onThreads(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
