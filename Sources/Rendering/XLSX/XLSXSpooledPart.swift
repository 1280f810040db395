import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One part's bytes spooled to a hidden file beside the archive and read back in chunks.
///
/// ZIPFoundation needs a part's exact uncompressed size before its first byte, and a sheet can be hundreds of
/// megabytes of XML: it goes to disk through a ``FileSink`` instead of memory. The file is removed by ``remove()``
/// (or when writing it fails); its name ends like the archive's temporary name, so ``OutputFolder`` also
/// clears it after a crash.
final class XLSXSpooledPart {
    let url: URL
    /// Bytes spooled.
    let size: Int64
    private var fd: Int32

    /// Spools what `body` writes to a hidden file named after `name` beside `archive`.
    init(
        name: String, besideArchive archive: URL,
        _ body: (_ write: @escaping XMLStreamWriter.Sink) throws -> Void
    ) throws {
        let archiveName = archive.lastPathComponent
        let stem = archiveName.hasPrefix(".") ? String(archiveName.dropFirst()) : archiveName
        url = archive.deletingLastPathComponent().appendingPathComponent(".\(name)-\(stem)")
        do {
            let sink = try FileSink(creating: url, capacity: 1 << 20)
            do {
                try body { try sink.write($0) }
                try sink.close()
            } catch {
                try? sink.close()
                throw error
            }
            size = Int64(sink.byteCount)
            fd = open(url.path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw OutputError(path: url.path, reason: "cannot read back: \(String(cString: strerror(errno)))")
            }
        } catch {
            _ = unlink(url.path)
            throw error
        }
    }

    deinit { remove() }

    /// The `count` bytes at `position` (fewer only at the end of the file).
    func read(at position: Int64, count: Int) throws -> Data {
        var data = Data(count: count)
        var filled = 0
        try data.withUnsafeMutableBytes { buffer in
            while filled < count {
                let read = pread(fd, buffer.baseAddress! + filled, count - filled, off_t(position) + off_t(filled))
                if read < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: url.path, reason: "read failed: \(String(cString: strerror(errno)))")
                }
                if read == 0 { break }
                filled += read
            }
        }
        data.count = filled
        return data
    }

    /// Closes and deletes the file; safe to call more than once.
    func remove() {
        guard fd >= 0 else { return }
        _ = close(fd)
        fd = -1
        _ = unlink(url.path)
    }
}
