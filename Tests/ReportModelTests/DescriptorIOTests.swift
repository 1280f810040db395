import Glibc
import Testing

@testable import ReportModel

/// The one read and write loop on descriptors: everything written arrives, the end reads as 0, and a failure
/// carries its errno and the system's words for it.
@Suite struct DescriptorIOTests {
    @Test func whatIsWrittenToAPipeIsReadBack() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        // Larger than a pipe's 64 KiB buffer would block; 40,000 bytes fit, so one thread can write then read.
        try bytes.withUnsafeBytes { try DescriptorIO.writeAll($0, to: ends[1]) }
        close(ends[1])
        var read: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4_096, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try DescriptorIO.read(ends[0], into: buffer)
            if count == 0 { break }
            read += buffer[0..<count]
        }
        #expect(read == bytes)
    }

    /// -1, never a real descriptor: a closed one's number could be reused by a test running at the same time.
    @Test func anInvalidDescriptorFailsWithItsErrno() throws {
        let write = #expect(throws: DescriptorIO.Failure.self) {
            try [UInt8](repeating: 1, count: 8).withUnsafeBytes { try DescriptorIO.writeAll($0, to: -1) }
        }
        #expect(write?.code == EBADF)
        #expect(write?.reason == "Bad file descriptor")
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 1)
        defer { buffer.deallocate() }
        #expect(throws: DescriptorIO.Failure(code: EBADF)) { try DescriptorIO.read(-1, into: buffer) }
    }
}
