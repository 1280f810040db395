import Foundation
import ReportModel
import Testing
import ZIPFoundation

@testable import Rendering

/// Our zip writer and its parallel deflate: read back by ZIPFoundation and by Python's or Info-ZIP's checker,
/// correct CRC-32s, and the same bytes whatever the threads.
@Suite struct XLSXZipWriterTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zip-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Bytes that compress somewhat, like sheet XML.
    static func sample(_ count: Int, seed: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: 0x41 + ($0 / 7 + seed) % 23 + ($0 % 101 == 0 ? $0 % 5 : 0)) }
    }

    @Test func crc32IsZlibsAndCombinesAcrossChunks() throws {
        #expect(Array("123456789".utf8).withUnsafeBytes { XLSXDeflater.crc32($0) } == 0xCBF4_3926)
        let a = Self.sample(100_000)
        let b = Self.sample(77_777, seed: 3)
        let whole = (a + b).withUnsafeBytes { XLSXDeflater.crc32($0) }
        let first = a.withUnsafeBytes { XLSXDeflater.crc32($0) }
        let second = b.withUnsafeBytes { XLSXDeflater.crc32($0) }
        #expect(XLSXDeflater.combine(first, second, secondLength: b.count) == whole)
        #expect(XLSXDeflater.combine(first, 0, secondLength: 0) == first)
    }

    /// Entries of one chunk, of several (a chunk boundary mid-entry), of an empty last chunk, and empty ones.
    @Test func entriesReadBackWithZIPFoundationAndTheSystemCheckers() throws {
        let url = try Self.folder().appendingPathComponent("test.zip")
        let deflater = try XLSXDeflater(level: 6)
        let pieces: [(String, [[UInt8]])] = [
            ("one.xml", [Self.sample(5_000)]),
            ("several.xml", [Self.sample(70_000), Self.sample(1), Self.sample(131_072, seed: 9)]),
            ("trailing-empty.xml", [Self.sample(10_000), []]),
            ("empty.xml", [[]]),
            ("目录/中文.xml", [Array("数据 ✓".utf8)]),
        ]
        let archive = try XLSXZipArchive(url: url, modificationDate: Date(timeIntervalSince1970: 1_795_136_523))
        for (path, chunks) in pieces {
            try archive.addEntry(path) { append in
                for (index, chunk) in chunks.enumerated() {
                    try append(XLSXCompressedChunk(chunk, deflater: deflater, last: index == chunks.count - 1))
                }
            }
        }
        try archive.finish()

        // ZIPFoundation checks each entry's CRC-32 while extracting.
        let reader = try Archive(url: url, accessMode: .read)
        var read: [String: [UInt8]] = [:]
        for entry in reader {
            var data = Data()
            _ = try reader.extract(entry) { data.append($0) }
            read[entry.path] = [UInt8](data)
        }
        #expect(read.count == pieces.count)
        for (path, chunks) in pieces { #expect(read[path] == chunks.flatMap { $0 }, "\(path)") }

        for (tool, arguments) in [("python3", ["-m", "zipfile", "-t"]), ("unzip", ["-tq"])] {
            guard let executable = Self.which(tool) else { continue }
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments + [url.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(tool) rejects the archive")
        }
    }

    /// 1,500 servers × 3 directories in chunks of 64 rows: the directories sheet has 71 data chunks, the last
    /// one ending exactly on the table's end (4,500 = 70 × 64 + 20 rows, and 4,500 = 45 × 100 for the boundary).
    @Test(arguments: [1, 2, 4])
    func theSameBytesWhateverTheThreads(threads: Int) throws {
        let context = try XLSXArchiveTests.largerContext()
        let sequential = XLSXCompression(level: 1, threads: 1, rowsPerChunk: 64)
        let parallel = XLSXCompression(level: 1, threads: threads, rowsPerChunk: 64)
        let reference = try Data(contentsOf: XLSXFixture.render(context, compression: sequential))
        for _ in 0..<3 {
            #expect(try Data(contentsOf: XLSXFixture.render(context, compression: parallel)) == reference)
        }
    }

    /// Chunks are seamless: a sheet cut every 100 rows (exactly at its end) or every 7 reads back as the same XML
    /// as one written in a single chunk.
    @Test(arguments: [7, 100, 4_500])
    func chunkBoundariesDoNotShowInTheXML(rowsPerChunk: Int) throws {
        let context = try XLSXArchiveTests.largerContext()
        let whole = try WorkbookReader(
            url: XLSXFixture.render(context, compression: XLSXCompression(threads: 1, rowsPerChunk: 1_000_000)))
        let cut = try WorkbookReader(
            url: XLSXFixture.render(context, compression: XLSXCompression(threads: 2, rowsPerChunk: rowsPerChunk)))
        #expect(cut.entries.map(\.path) == whole.entries.map(\.path))
        for (a, b) in zip(whole.entries, cut.entries) { #expect(a.data == b.data, "\(a.path) differs") }
        let rows = try cut.rows(ofSheet: 3)
        #expect(rows.count == 4_501)
        #expect(rows.map { $0.first?.reference } == (1...4_501).map { "A\($0)" })
    }

    @Test func anEmptyTableIsAHeaderRowOnly() throws {
        var snapshot = try XLSXFixture.context().snapshot
        snapshot.tasks = []
        let context = try XLSXFixture.context(snapshot: snapshot)
        let workbook = try WorkbookReader(
            url: XLSXFixture.render(context, compression: XLSXCompression(rowsPerChunk: 1)))
        #expect(try workbook.rows(ofSheet: 2).count == 1)
        #expect(try workbook.rows(ofSheet: 3).count == 1)
    }

    @Test(arguments: [
        (Date(timeIntervalSince1970: 0), UInt16(0x21), UInt16(0)),
        (
            Date(timeIntervalSince1970: 1_795_136_523), UInt16((46 << 9) | (11 << 5) | 20),
            UInt16((1 << 11) | (2 << 5) | 1)
        ),
        (Date(timeIntervalSince1970: 5_000_000_000), UInt16(127 << 9 | 12 << 5 | 31), UInt16(23 << 11 | 59 << 5 | 29)),
    ])
    func datesAreUTCAndClampedToTheFormat(date: Date, dosDate: UInt16, dosTime: UInt16) {
        let fields = XLSXZipArchive.dosDateTime(date)
        #expect(fields.date == dosDate && fields.time == dosTime)
    }

    /// `tool` on the `PATH`, if installed.
    static func which(_ tool: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }
}
