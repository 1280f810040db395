import Dispatch
import Synchronization

/// Runs independent pieces of work on up to `parallelism` threads and gives their results back in input order.
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
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let output = transform(elements[index])
                results.withLock { $0[index] = output }
            }
        }
        // Every index was claimed and filled once concurrentPerform returns.
        return results.withLock { $0.compactMap { $0 } }
    }
}
