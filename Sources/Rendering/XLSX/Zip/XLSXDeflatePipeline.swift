import Foundation

/// Compresses one zip entry on several threads, pigz style, while the caller keeps producing its bytes.
///
/// The caller's bytes are cut into chunks; worker threads deflate them (each primed with the previous 32 KiB,
/// so the ratio barely suffers) and the compressed chunks are written in order, whichever thread finishes them.
/// Chunk boundaries depend only on the bytes, so the output is the same on every run. At most
/// `2 × threads` chunks are in flight: memory stays bounded however large the entry is.
final class XLSXDeflatePipeline: @unchecked Sendable {
    /// Totals of the entry once finished.
    struct Summary {
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
    }

    private struct Job {
        var index: Int
        var input: [UInt8]
        var dictionary: ArraySlice<UInt8>
        var last: Bool
    }

    private static let window = 32 * 1024

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [Job] = []
    private var finished: [Int: (output: [UInt8], crc: UInt32, length: Int)] = [:]
    private var submitted = 0
    private var written = 0
    private var running = 0
    private var closed = false
    private var failure: (any Error)?
    private var summary = Summary(crc32: 0, compressedSize: 0, uncompressedSize: 0)
    private let write: (UnsafeRawBufferPointer) throws -> Void

    // Owned by the producing thread.
    private var buffer: [UInt8] = []
    private var previous: [UInt8] = []
    private let settings: XLSXCompression

    /// Starts the worker threads; compressed bytes go to `write`, always from one thread at a time.
    init(settings: XLSXCompression, write: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        self.settings = settings
        self.write = write
        buffer.reserveCapacity(settings.chunkSize + 8192)
        // Every deflater exists before the first thread starts, so a failure here leaves no thread behind.
        let deflaters = try (0..<settings.threads).map { _ in try XLSXDeflater(level: settings.level) }
        running = settings.threads
        for deflater in deflaters {
            let thread = Thread { [self] in work(deflater) }
            thread.name = "xlsx-deflate"
            thread.start()
        }
    }

    /// Adds bytes to the entry; blocks while too many chunks wait to be compressed.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= settings.chunkSize { try submit(last: false) }
    }

    /// Compresses what is left, waits for the workers and returns the entry's CRC and sizes.
    func finish() throws -> Summary {
        try submit(last: true)
        condition.lock()
        defer { condition.unlock() }
        while written < submitted && failure == nil { condition.wait() }
        closed = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        if let failure { throw failure }
        return summary
    }

    /// Stops the workers after a failure on the producing side.
    func cancel() {
        condition.lock()
        closed = true
        failure = failure ?? CancellationError()
        pending.removeAll()
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func submit(last: Bool) throws {
        let tail = previous.suffix(Self.window)
        let job = Job(index: submitted, input: buffer, dictionary: tail, last: last)
        previous = buffer
        buffer = []
        buffer.reserveCapacity(settings.chunkSize + 8192)
        condition.lock()
        defer { condition.unlock() }
        while submitted - written >= 2 * settings.threads && failure == nil { condition.wait() }
        if let failure { throw failure }
        pending.append(job)
        submitted += 1
        condition.broadcast()
    }

    private func work(_ deflater: XLSXDeflater) {
        condition.lock()
        defer {
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        while true {
            while pending.isEmpty && !closed { condition.wait() }
            if pending.isEmpty || failure != nil { return }
            let job = pending.removeFirst()
            condition.unlock()
            let result = Result {
                try job.input.withUnsafeBytes { input in
                    let output = try job.dictionary.withUnsafeBytes {
                        try deflater.compress(input, dictionary: $0, last: job.last)
                    }
                    return (output, XLSXDeflater.crc32(input), input.count)
                }
            }
            condition.lock()
            switch result {
            case .success(let done): finished[job.index] = done
            case .failure(let error): failure = failure ?? error
            }
            writeReady()
            condition.broadcast()
        }
    }

    /// Writes the finished chunks that are next in order; called with the lock held.
    private func writeReady() {
        while failure == nil, let done = finished.removeValue(forKey: written) {
            do {
                try done.output.withUnsafeBytes { try write($0) }
            } catch {
                failure = error
                return
            }
            summary.crc32 = XLSXDeflater.combine(summary.crc32, done.crc, secondLength: done.length)
            summary.compressedSize += done.output.count
            summary.uncompressedSize += done.length
            written += 1
        }
    }
}
