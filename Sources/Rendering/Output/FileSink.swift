import Foundation
import Glibc
import ReportModel

/// A buffered writer to a file descriptor: renderers push bytes in small pieces, the disk sees large writes.
public final class FileSink {
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let path: String
    /// Bytes accepted so far.
    public private(set) var byteCount = 0

    /// Creates (or truncates) the file at `url`.
    public init(creating url: URL, capacity: Int = 1 << 16) throws {
        path = url.path
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw OutputError(path: url.path, reason: "cannot create: \(String(cString: strerror(errno)))")
        }
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        byteCount += bytes.count
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends bytes.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Appends a string as UTF-8.
    public func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    public func close() throws {
        guard fd >= 0 else { return }
        defer {
            _ = Glibc.close(fd)
            fd = -1
        }
        try flush()
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            try DescriptorIO.writeAll(bytes, to: fd)
        } catch {
            throw OutputError(path: path, reason: "write failed: \(error.reason)")
        }
    }
}
