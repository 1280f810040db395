/// How workbook parts are compressed: the deflate level, the compressing threads, and the chunk each takes.
public struct XLSXCompression: Sendable, Hashable {
    /// zlib level, 1 (fastest) … 9 (smallest).
    public var level: Int32
    /// Threads compressing chunks while the calling thread writes the sheet XML.
    public var threads: Int
    /// Bytes of XML per independently compressed chunk.
    public var chunkSize: Int

    /// Compression with the given settings.
    public init(level: Int32 = 6, threads: Int = 2, chunkSize: Int = 1 << 20) {
        self.level = min(9, max(1, level))
        self.threads = max(1, threads)
        self.chunkSize = max(1 << 16, chunkSize)
    }

    /// The measured default (see BENCHMARKS.md).
    public static let standard = XLSXCompression()
}
