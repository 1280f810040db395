import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The zip container, read back by ZIPFoundation: parts of many chunks, reproducible bytes, dates in UTC.
@Suite struct XLSXArchiveTests {
    /// 1,500 servers of 3 directories: a directories sheet of several 1 MiB of XML.
    static func largerContext() throws -> RenderContext {
        let padding = String(repeating: "x", count: 200)
        let tasks: [TaskRecord] = (0..<1_500).map { (index: Int) -> TaskRecord in
            TaskRecord(
                taskID: "task-\(index)", sourceID: "src-\(index)", sourceName: "服务器-\(index)",
                finishedTime: 1_790_000_000_000 + Int64(index) * 1_000,
                directories: (0..<3).map { (d: Int) -> DirectoryResult in
                    DirectoryResult(
                        path: "/data/\(d)/\(index)/\(padding)",
                        counts: FileCounts(total: index * 7 + d, different: index % 9 == 0 ? d : 0))
                })
        }
        var snapshot = try XLSXFixture.context().snapshot
        snapshot.tasks = tasks
        return try XLSXFixture.context(.zhCN, snapshot: snapshot)
    }

    @Test func multiChunkPartsReadBackAndRendersAreByteIdentical() throws {
        let context = try Self.largerContext()
        let first = try XLSXFixture.render(context)
        let second = try XLSXFixture.render(context)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        // ZIPFoundation checks each entry's CRC-32 while extracting.
        let workbook = try WorkbookReader(url: first)
        #expect((workbook.part("xl/worksheets/sheet3.xml")?.count ?? 0) > 1 << 20)
        let rows = try workbook.rows(ofSheet: 3)
        #expect(rows.count == 4_501)
        #expect(Set(rows.dropFirst().compactMap { $0.first?.value }).count == 1_500)
    }

    @Test(arguments: [
        // 2026-11-20T01:02:03Z: MS-DOS time keeps even seconds.
        (1_795_136_523.0, UInt16((46 << 9) | (11 << 5) | 20), UInt16((1 << 11) | (2 << 5) | 1)),
        // Before 1980: the earliest MS-DOS date, 1980-01-01 00:00:00.
        (0.0, UInt16(0x21), UInt16(0)),
    ])
    func everyEntryIsDatedInUTC(seconds: Double, dosDate: UInt16, dosTime: UInt16) throws {
        var context = try XLSXFixture.context()
        context.generatedAt = Date(timeIntervalSince1970: seconds)
        let bytes = [UInt8](try Data(contentsOf: XLSXFixture.render(context)))
        func field(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
        var localHeaders = 0
        var offset = 0
        // Local file headers (PK\3\4) hold the time at +10 and the date at +12; central ones (PK\1\2) at +12/+14.
        while offset + 16 <= bytes.count {
            if bytes[offset..<offset + 4] == [0x50, 0x4B, 0x03, 0x04] {
                #expect(field(offset + 10) == dosTime && field(offset + 12) == dosDate)
                localHeaders += 1
            } else if bytes[offset..<offset + 4] == [0x50, 0x4B, 0x01, 0x02] {
                #expect(field(offset + 12) == dosTime && field(offset + 14) == dosDate)
            }
            offset += 1
        }
        #expect(localHeaders == 11)
    }
}
