import Foundation
import Testing

@testable import Rendering

/// A spooled part reads back exactly what was written, in any chunks, and never outlives its use.
@Suite struct XLSXSpooledPartTests {
    static func archiveURL() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spool-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(".book.xlsx.1.2.tmp")
    }

    @Test func readsBackInChunksAndIsRemoved() throws {
        let archive = try Self.archiveURL()
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let part = try XLSXSpooledPart(name: "sheet1.xml", besideArchive: archive) { write in
            try bytes[..<70_000].withUnsafeBytes { try write($0) }
            try bytes[70_000...].withUnsafeBytes { try write($0) }
        }
        #expect(part.size == 100_000)
        #expect(part.url.lastPathComponent == ".sheet1.xml-book.xlsx.1.2.tmp")
        var read = Data()
        for position in stride(from: 0, to: 100_000, by: 32_768) {
            read.append(try part.read(at: Int64(position), count: 32_768))
        }
        #expect(read == Data(bytes))
        part.remove()
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.deletingLastPathComponent().path) == [])
    }

    @Test func aFailingWriterLeavesNoFile() throws {
        let archive = try Self.archiveURL()
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try XLSXSpooledPart(name: "sheet2.xml", besideArchive: archive) { write in
                try [UInt8](repeating: 0x41, count: 10).withUnsafeBytes { try write($0) }
                throw Interrupted()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.deletingLastPathComponent().path) == [])
    }
}
