import CSystemZlib

/// One raw-deflate compressor over zlib, owning its `z_stream`: the only code that sees a zlib pointer.
///
/// Each chunk is compressed on its own from an empty window and ends on a sync flush (the last one with a final
/// block), so chunks compressed independently, on any thread, concatenate into one valid deflate stream.
final class XLSXDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8] = []

    /// A compressor at `level` (1 fastest … 9 smallest).
    init(level: Int32) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let result = deflateInit2_(
            stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard result == Z_OK else {
            stream.deallocate()
            throw XLSXZipError.compression("deflateInit2 returned \(result)")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// The deflate bytes of `input`; `last` ends the stream with a final block, otherwise a sync flush aligns it.
    func compress(_ input: UnsafeRawBufferPointer, last: Bool) throws -> [UInt8] {
        guard deflateReset(stream) == Z_OK else { throw XLSXZipError.compression("deflateReset failed") }
        // A sync flush adds a few bytes past deflateBound's single-call estimate.
        let capacity = Int(deflateBound(stream, uLong(input.count))) + 64
        if output.count < capacity { output = [UInt8](repeating: 0, count: capacity) }
        let mutableInput = UnsafeMutableRawPointer(mutating: input.baseAddress)
        stream.pointee.next_in = mutableInput?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(input.count)
        let produced = try output.withUnsafeMutableBytes { buffer in
            stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(buffer.count)
            let result = deflate(stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            guard result == (last ? Z_STREAM_END : Z_OK), stream.pointee.avail_in == 0 else {
                throw XLSXZipError.compression("deflate returned \(result)")
            }
            return buffer.count - Int(stream.pointee.avail_out)
        }
        return Array(output[0..<produced])
    }

    /// The CRC-32 of `bytes`, continuing from `crc`.
    static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        var crc = uLong(crc)
        var offset = 0
        // zlib takes a 32-bit length per call.
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 30)
            crc = CSystemZlib.crc32(crc, (base + offset).assumingMemoryBound(to: Bytef.self), uInt(count))
            offset += count
        }
        return UInt32(crc)
    }

    /// The CRC-32 of two pieces joined, from the CRC of each and the length of the second.
    static func combine(_ first: UInt32, _ second: UInt32, secondLength: Int) -> UInt32 {
        UInt32(crc32_combine(uLong(first), uLong(second), .init(secondLength)))
    }
}

/// A workbook's zip container could not be written.
enum XLSXZipError: Error, CustomStringConvertible {
    case compression(String)
    case tooLarge(String)

    var description: String {
        switch self {
        case .compression(let detail): "zlib compression failed: \(detail)"
        case .tooLarge(let what):
            "\(what): the workbook writer does not write ZIP64 (parts and workbooks under 4 GiB, at most 65,535 parts)"
        }
    }
}
