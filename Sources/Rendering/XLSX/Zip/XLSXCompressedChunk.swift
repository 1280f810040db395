import Foundation

/// One piece of a zip entry, deflated: its compressed bytes, and the CRC-32 and length of what it holds.
///
/// A sheet's chunks are made on several threads, pigz style, by `ParallelWork.inOrder` (each thread with its own
/// ``XLSXDeflater``) and appended to the entry in order.
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
