import Foundation
import ReportModel

/// The workbook's zip container, written front to back through one ``FileSink``: each entry's local header,
/// its deflate stream (compressed in parallel by an ``XLSXDeflatePipeline``), a data descriptor with its CRC
/// and sizes, then the central directory.
///
/// Every entry carries the same date (the generation time, in UTC), fixed permissions and no extra fields, so
/// two renders of the same snapshot are byte-identical. Parts and the archive are limited to 4 GiB (no ZIP64).
final class XLSXZipArchive {
    private let sink: FileSink
    private let settings: XLSXCompression
    private let dosTime: UInt16
    private let dosDate: UInt16
    private var central: [UInt8] = []
    private var entryCount = 0

    /// Starts an archive at `url` whose entries are dated `modificationDate`.
    init(url: URL, modificationDate: Date, compression: XLSXCompression) throws {
        sink = try FileSink(creating: url, capacity: 1 << 20)
        settings = compression
        (dosDate, dosTime) = Self.dosDateTime(modificationDate)
    }

    /// Adds the part `path`, whose bytes `body` writes in any number of pieces.
    func addEntry(
        _ path: String, _ body: (_ write: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        let offset = sink.byteCount
        let name = Array(path.utf8)
        var header = ZipBytes()
        header.u32(0x0403_4B50)
        header.u16(20)
        header.u16(Self.flags)
        header.u16(8)
        header.u16(dosTime)
        header.u16(dosDate)
        header.u32(0)  // CRC and sizes follow the data, in the data descriptor
        header.u32(0)
        header.u32(0)
        header.u16(UInt16(name.count))
        header.u16(0)
        header.bytes += name
        try sink.write(header.bytes)

        let pipeline = try XLSXDeflatePipeline(settings: settings) { [sink] in try sink.write($0) }
        let summary: XLSXDeflatePipeline.Summary
        do {
            try body { try pipeline.append($0) }
            summary = try pipeline.finish()
        } catch {
            pipeline.cancel()
            throw error
        }
        guard summary.uncompressedSize < Int(UInt32.max), summary.compressedSize < Int(UInt32.max),
            offset < Int(UInt32.max)
        else { throw XLSXZipError.tooLarge(path) }

        var descriptor = ZipBytes()
        descriptor.u32(0x0807_4B50)
        descriptor.u32(summary.crc32)
        descriptor.u32(UInt32(summary.compressedSize))
        descriptor.u32(UInt32(summary.uncompressedSize))
        try sink.write(descriptor.bytes)

        var entry = ZipBytes()
        entry.u32(0x0201_4B50)
        entry.u16(0x0314)  // made by: Unix, ZIP 2.0, so the permissions below are read
        entry.u16(20)
        entry.u16(Self.flags)
        entry.u16(8)
        entry.u16(dosTime)
        entry.u16(dosDate)
        entry.u32(summary.crc32)
        entry.u32(UInt32(summary.compressedSize))
        entry.u32(UInt32(summary.uncompressedSize))
        entry.u16(UInt16(name.count))
        entry.u16(0)
        entry.u16(0)
        entry.u16(0)
        entry.u16(0)
        entry.u32(0o100644 << 16)
        entry.u32(UInt32(offset))
        entry.bytes += name
        central += entry.bytes
        entryCount += 1
    }

    /// Adds a part held in memory.
    func add(_ path: String, data: Data) throws {
        try addEntry(path) { write in try data.withUnsafeBytes { try write($0) } }
    }

    /// Writes the central directory and closes the file.
    func finish() throws {
        let start = sink.byteCount
        try sink.write(central)
        guard sink.byteCount < Int(UInt32.max) else { throw XLSXZipError.tooLarge("the workbook") }
        var end = ZipBytes()
        end.u32(0x0605_4B50)
        end.u16(0)
        end.u16(0)
        end.u16(UInt16(entryCount))
        end.u16(UInt16(entryCount))
        end.u32(UInt32(central.count))
        end.u32(UInt32(start))
        end.u16(0)
        try sink.write(end.bytes)
        try sink.close()
    }

    /// Bit 3: sizes in a data descriptor; bit 11: names are UTF-8.
    private static let flags: UInt16 = 0x0808

    /// MS-DOS date and time fields of `date` in UTC, clamped to the format's 1980–2107 range.
    static func dosDateTime(_ date: Date) -> (date: UInt16, time: UInt16) {
        let p = ReportTime.parts(date)
        guard p.year >= 1980 else { return (0x21, 0) }  // 1980-01-01 00:00:00
        let year = min(p.year, 2107) - 1980
        return (
            UInt16(year << 9 | p.month << 5 | p.day),
            UInt16(p.hour << 11 | p.minute << 5 | p.second / 2)
        )
    }
}

/// Little-endian fields of zip records.
private struct ZipBytes {
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    mutating func u32(_ value: UInt32) {
        bytes += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }
}
