import Foundation

/// A deterministic zip file for uses other than the workbook (the evidence bundle): entries in the order they
/// are added, every one dated `modificationDate`, mode 0644, deflated, no extra fields.
///
/// It is the workbook's own writer (``XLSXZipArchive``) behind a small public face, so the two share one set of
/// zip records and one zlib wrapper. Large files are read and deflated a megabyte at a time; the limits are the
/// workbook writer's (no ZIP64: entries and archive under 4 GiB, at most 65,535 entries).
public final class ZipFileWriter {
    private let archive: XLSXZipArchive
    private let deflater: XLSXDeflater

    /// Starts a zip at `url` (created or truncated); `level` is zlib's, 1 (fastest) … 9 (smallest).
    public init(url: URL, modificationDate: Date, level: Int32 = 6) throws {
        archive = try XLSXZipArchive(url: url, modificationDate: modificationDate)
        deflater = try XLSXDeflater(level: min(9, max(1, level)))
    }

    /// Adds `bytes` as the entry `path` (a relative path with `/` separators).
    public func add(_ path: String, bytes: Data) throws {
        try archive.add(path, data: bytes, deflater: deflater)
    }

    /// Adds the file at `url` as the entry `path`, read and deflated in pieces so memory stays bounded.
    public func add(_ path: String, contentsOf url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw OutputError(path: url.path, reason: "cannot read to add to \(path)")
        }
        defer { try? handle.close() }
        let deflater = deflater
        try archive.addEntry(path) { append in
            // Each piece but the last ends on a sync flush; one piece ahead tells which is the last.
            var current = try handle.read(upToCount: Self.pieceBytes) ?? Data()
            while true {
                let next = current.isEmpty ? Data() : (try handle.read(upToCount: Self.pieceBytes) ?? Data())
                try append(XLSXCompressedChunk([UInt8](current), deflater: deflater, last: next.isEmpty))
                if next.isEmpty { break }
                current = next
            }
        }
    }

    /// Writes the central directory and closes the file.
    public func finish() throws {
        try archive.finish()
    }

    private static let pieceBytes = 1 << 20
}
