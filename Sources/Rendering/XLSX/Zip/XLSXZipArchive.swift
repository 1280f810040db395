import Foundation
import ReportModel

/// The workbook's zip container, written front to back through one ``FileSink``: each entry's local header,
/// its deflate stream (chunks compressed elsewhere, joined in order), a data descriptor with its CRC-32 and
/// sizes, then the central directory.
///
/// Every entry carries the same date (the generation time, in UTC), permissions 0644 and no extra fields, so two
/// renders of the same snapshot are byte-identical. There are no ZIP64 records: a part or a workbook of 4 GiB or
/// more, or more than 65,535 parts, is refused with ``XLSXZipError/tooLarge(_:)`` (the benchmark's 940,000-row
/// workbook is 1% of that).
final class XLSXZipArchive {
    private let sink: FileSink
    private let dosTime: UInt16
    private let dosDate: UInt16
    private var central: [UInt8] = []
    private var entryCount = 0

    /// Starts an archive at `url` (created or truncated) whose entries are dated `modificationDate`.
    init(url: URL, modificationDate: Date) throws {
        sink = try FileSink(creating: url, capacity: 1 << 20)
        (dosDate, dosTime) = Self.dosDateTime(modificationDate)
    }

    /// Adds the part `path`, whose deflated chunks `body` appends in order (the last one ends the deflate stream).
    func addEntry(_ path: String, _ body: (_ append: (XLSXCompressedChunk) throws -> Void) throws -> Void) throws {
        guard entryCount < Int(UInt16.max) else { throw XLSXZipError.tooLarge("part \(entryCount + 1) (\(path))") }
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

        var crc: UInt32 = 0
        var compressed = 0
        var uncompressed = 0
        try body { chunk in
            try sink.write(chunk.bytes)
            crc = XLSXDeflater.combine(crc, chunk.crc, secondLength: chunk.length)
            compressed += chunk.bytes.count
            uncompressed += chunk.length
        }
        let limit = Int(UInt32.max)
        guard uncompressed < limit, compressed < limit, offset < limit else { throw XLSXZipError.tooLarge(path) }

        var descriptor = ZipBytes()
        descriptor.u32(0x0807_4B50)
        descriptor.u32(crc)
        descriptor.u32(UInt32(compressed))
        descriptor.u32(UInt32(uncompressed))
        try sink.write(descriptor.bytes)

        var entry = ZipBytes()
        entry.u32(0x0201_4B50)
        entry.u16(0x0314)  // made by: Unix, ZIP 2.0, so the permissions below are read
        entry.u16(20)
        entry.u16(Self.flags)
        entry.u16(8)
        entry.u16(dosTime)
        entry.u16(dosDate)
        entry.u32(crc)
        entry.u32(UInt32(compressed))
        entry.u32(UInt32(uncompressed))
        entry.u16(UInt16(name.count))
        entry.u16(0)  // extra field, comment, disk number, internal attributes
        entry.u16(0)
        entry.u16(0)
        entry.u16(0)
        entry.u32(0o100644 << 16)
        entry.u32(UInt32(offset))
        entry.bytes += name
        central += entry.bytes
        entryCount += 1
    }

    /// Adds a part held in memory, deflated on the calling thread with `deflater`.
    func add(_ path: String, data: Data, deflater: XLSXDeflater) throws {
        let chunk = try XLSXCompressedChunk([UInt8](data), deflater: deflater, last: true)
        try addEntry(path) { append in try append(chunk) }
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
        guard p.year <= 2107 else { return (UInt16(127 << 9 | 12 << 5 | 31), UInt16(23 << 11 | 59 << 5 | 29)) }
        return (
            UInt16((p.year - 1980) << 9 | p.month << 5 | p.day),
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
