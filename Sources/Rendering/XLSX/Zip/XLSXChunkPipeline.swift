import Foundation

/// One piece of a zip entry, deflated: its compressed bytes, and the CRC-32 and length of what it holds.
struct XLSXCompressedChunk: Sendable {
    var bytes: [UInt8]
    var crc: UInt32
    var length: Int

    /// Deflates `input` with `deflater`; `last` ends the entry's deflate stream.
    init(_ input: [UInt8], deflater: XLSXDeflater, last: Bool) throws {
        (bytes, crc) = try input.withUnsafeBytes { raw in
            (try deflater.compress(raw, last: last), XLSXDeflater.crc32(raw))
        }
        length = input.count
    }
}

/// Makes the numbered chunks of one entry on several threads, pigz style, and hands them over in order.
///
/// Chunk `i` is made by `produce(i, deflater)` on whichever thread claims it (each thread has its own
/// deflater); a finished chunk waits until every chunk before it has been consumed. What a chunk holds depends
/// on its number only, so the entry is the same bytes whatever the threads and their timing. Threads claim
/// chunks in order and never run more than `window` chunks ahead of the one consumed last: memory stays bounded
/// however large the entry is.
final class XLSXChunkPipeline: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var next = 0
    private var consumed = 0
    private var finished: [Int: XLSXCompressedChunk] = [:]
    private var failure: (any Error)?

    private let count: Int
    private let window: Int
    private let deflaters: [XLSXDeflater]
    private let produce: (Int, XLSXDeflater) throws -> XLSXCompressedChunk
    // Called with `condition` locked, so by one thread at a time, in order.
    private let consume: (XLSXCompressedChunk) throws -> Void

    private init(
        count: Int, window: Int, deflaters: [XLSXDeflater],
        produce: @escaping (Int, XLSXDeflater) throws -> XLSXCompressedChunk,
        consume: @escaping (XLSXCompressedChunk) throws -> Void
    ) {
        self.count = count
        self.window = window
        self.deflaters = deflaters
        self.produce = produce
        self.consume = consume
    }

    /// Makes chunks `0..<count` with `deflaters.count` threads (the calling one included) and passes each to
    /// `consume`, in order and one at a time; rethrows the first error of either.
    static func run(
        count: Int, deflaters: [XLSXDeflater], window: Int,
        produce: @escaping (_ index: Int, _ deflater: XLSXDeflater) throws -> XLSXCompressedChunk,
        consume: @escaping (XLSXCompressedChunk) throws -> Void
    ) throws {
        if deflaters.count == 1 || count <= 1 {
            for index in 0..<count { try consume(produce(index, deflaters[0])) }
            return
        }
        let pipeline = XLSXChunkPipeline(
            count: count, window: max(window, deflaters.count), deflaters: deflaters, produce: produce,
            consume: consume)
        // The pipeline owns everything the threads touch; it is Sendable because `condition` guards its state and
        // each deflater is used by one thread only.
        DispatchQueue.concurrentPerform(iterations: min(deflaters.count, count)) { worker in
            pipeline.work(worker)
        }
        if let failure = pipeline.failure { throw failure }
    }

    private func work(_ worker: Int) {
        let deflater = deflaters[worker]
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while true {
            while failure == nil && next < count && next >= consumed + window { condition.wait() }
            guard failure == nil, next < count else { return }
            let index = next
            next += 1
            condition.unlock()
            let result = Result { try produce(index, deflater) }
            condition.lock()
            switch result {
            case .success(let chunk): finished[index] = chunk
            case .failure(let error): failure = failure ?? error
            }
            // Whoever finishes the next chunk in order writes it, and any finished behind it.
            while failure == nil, let chunk = finished.removeValue(forKey: consumed) {
                do {
                    try consume(chunk)
                    consumed += 1
                } catch {
                    failure = error
                }
            }
            condition.broadcast()
        }
    }
}
