import Foundation

extension ParallelWork {
    /// Makes items `0..<count` on one thread per worker (the calling thread included) and passes each to
    /// `consume` in index order, one at a time; rethrows the first error of either.
    ///
    /// Item `i` is made by `produce(i, worker)` on whichever thread claims it; each thread has a worker of its own
    /// (e.g. a compressor) that no other thread touches. A finished item waits until every item before it has
    /// been consumed. Threads claim items in order and never run more than `window` items ahead of the one
    /// consumed last, so memory stays bounded however many items there are. What the items are therefore depends
    /// on `produce` only, never on the threads or their timing. With one worker or one item, everything runs on
    /// the calling thread.
    package static func inOrder<Worker, Output: Sendable>(
        count: Int, workers: [Worker], window: Int,
        produce: @Sendable (_ index: Int, _ worker: Worker) throws -> Output,
        consume: (Output) throws -> Void
    ) throws {
        precondition(!workers.isEmpty, "inOrder needs at least one worker")
        if workers.count == 1 || count <= 1 {
            for index in 0..<count { try consume(produce(index, workers[0])) }
            return
        }
        // The stream holds the closures only while the threads run: it is gone when these blocks end.
        try withoutActuallyEscaping(produce) { produce in
            try withoutActuallyEscaping(consume) { consume in
                let stream = OrderedStream(
                    count: count, window: max(window, workers.count), workers: workers, produce: produce,
                    consume: consume)
                onThreads(min(workers.count, count)) { stream.work($0) }
                if let failure = stream.failure { throw failure }
            }
        }
    }
}

/// The state the threads of one ``ParallelWork/inOrder(count:workers:window:produce:consume:)`` call share.
///
/// It is `@unchecked Sendable` because `condition` guards every variable, `consume` is called with `condition`
/// locked (so by one thread at a time, in order), and worker `i` is used by the thread of iteration `i` only.
private final class OrderedStream<Worker, Output: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var next = 0
    private var consumed = 0
    private var finished: [Int: Output] = [:]
    private(set) var failure: (any Error)?

    private let count: Int
    private let window: Int
    private let workers: [Worker]
    private let produce: @Sendable (Int, Worker) throws -> Output
    private let consume: (Output) throws -> Void

    init(
        count: Int, window: Int, workers: [Worker], produce: @escaping @Sendable (Int, Worker) throws -> Output,
        consume: @escaping (Output) throws -> Void
    ) {
        self.count = count
        self.window = window
        self.workers = workers
        self.produce = produce
        self.consume = consume
    }

    /// The loop of thread `index`: claim the next item within the window, make it unlocked, then hand over every
    /// finished item that is next in order.
    func work(_ index: Int) {
        let worker = workers[index]
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while true {
            while failure == nil && next < count && next >= consumed + window { condition.wait() }
            guard failure == nil, next < count else { return }
            let item = next
            next += 1
            condition.unlock()
            let result = Result { try produce(item, worker) }
            condition.lock()
            switch result {
            case .success(let output): finished[item] = output
            case .failure(let error): failure = failure ?? error
            }
            // Whoever finishes the next item in order hands it over, and any finished behind it.
            while failure == nil, let output = finished.removeValue(forKey: consumed) {
                do {
                    try consume(output)
                    consumed += 1
                } catch {
                    failure = error
                }
            }
            condition.broadcast()
        }
    }
}
