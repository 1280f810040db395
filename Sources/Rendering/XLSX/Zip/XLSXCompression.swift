import Foundation

/// How a workbook is compressed: the deflate level, the threads that write and deflate sheet chunks, and the
/// rows in each chunk.
///
/// The output depends on `level` and `rowsPerChunk` only, never on `threads`: one thread or several, the same
/// chunks are compressed the same way and joined in the same order.
public struct XLSXCompression: Sendable, Hashable {
    /// zlib level, 1 (fastest) … 9 (smallest).
    public var level: Int32
    /// Threads writing and compressing chunks, the calling thread included.
    public var threads: Int
    /// Table rows per independently written and compressed chunk of a sheet.
    public var rowsPerChunk: Int

    /// Compression with the given settings, clamped to what zlib and the writer accept.
    public init(level: Int32 = 1, threads: Int = 2, rowsPerChunk: Int = 2_048) {
        self.level = min(9, max(1, level))
        self.threads = min(64, max(1, threads))
        self.rowsPerChunk = max(1, rowsPerChunk)
    }

    /// The measured default (docs/xlsx.md, BENCHMARKS.md "XLSX"): level 1 on every core the machine has.
    public static let standard = XLSXCompression(threads: XLSXCompression.availableCores)

    /// Cores the process may run on, at least 1.
    public static var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
