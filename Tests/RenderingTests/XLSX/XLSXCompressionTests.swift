import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The parallel deflate changes how parts are compressed, never what they hold, and stays reproducible.
@Suite struct XLSXCompressionTests {
    /// 1,500 servers of 3 directories: sheets of several 64 KiB chunks each.
    static func largerContext() throws -> RenderContext {
        let tasks = (0..<1_500).map { index in
            TaskRecord(
                taskID: "task-\(index)", sourceID: "src-\(index)", sourceName: "服务器-\(index)",
                finishedTime: 1_790_000_000_000 + Int64(index) * 1_000,
                directories: (0..<3).map { d in
                    DirectoryResult(
                        path: "/data/\(d)/\(index)",
                        counts: FileCounts(total: index * 7 + d, different: index % 9 == 0 ? d : 0))
                })
        }
        var snapshot = try XLSXFixture.context().snapshot
        snapshot.tasks = tasks
        return try XLSXFixture.context(.zhCN, snapshot: snapshot)
    }

    @Test(arguments: [
        XLSXCompression(level: 1, threads: 1, chunkSize: 1 << 16),
        XLSXCompression(level: 9, threads: 3, chunkSize: 1 << 16),
    ])
    func partsReadBackTheSameWhateverTheSettings(settings: XLSXCompression) throws {
        let context = try Self.largerContext()
        let reference = try WorkbookReader(url: XLSXFixture.render(context))
        let other = try WorkbookReader(url: XLSXFixture.render(context, compression: settings))
        // ZIPFoundation checks each entry's CRC-32 while extracting, so a wrongly combined CRC fails here.
        #expect(other.entries.map(\.path) == reference.entries.map(\.path))
        for (a, b) in zip(reference.entries, other.entries) {
            #expect(a.data == b.data, "\(a.path) differs")
        }
        #expect(try reference.rows(ofSheet: 3).count == 4_501)
    }

    @Test func multiChunkRendersAreByteIdentical() throws {
        let context = try Self.largerContext()
        let settings = XLSXCompression(level: 6, threads: 2, chunkSize: 1 << 16)
        let first = try Data(contentsOf: XLSXFixture.render(context, compression: settings))
        let second = try Data(contentsOf: XLSXFixture.render(context, compression: settings))
        #expect(first == second)
    }

    @Test(arguments: [
        (Date(timeIntervalSince1970: 0), UInt16(0x21), UInt16(0)),
        (
            Date(timeIntervalSince1970: 1_795_136_523), UInt16((46 << 9) | (11 << 5) | 20),
            UInt16((1 << 11) | (2 << 5) | 1)
        ),
    ])
    func entriesAreDatedInUTCAndClampedTo1980(date: Date, dosDate: UInt16, dosTime: UInt16) {
        let fields = XLSXZipArchive.dosDateTime(date)
        #expect(fields.date == dosDate && fields.time == dosTime)
    }
}
