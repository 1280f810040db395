import Foundation
import ZIPFoundation

/// The workbook's zip container: a ZIPFoundation archive whose entries are all deflated, dated alike and
/// given the same permissions, so two renders of the same snapshot are byte-identical.
///
/// ZIPFoundation turns the date into MS-DOS fields with `gmtime`, so they show UTC whatever the machine's
/// time zone; it clamps years after 2099, and dates before 1980 are clamped here (the format starts there).
/// `gmtime` returns a buffer shared by the whole process, so entries are added under one process-wide lock:
/// two workbooks written at once (tests in parallel, a library user) would otherwise swap each other's dates.
struct XLSXArchive {
    /// Bytes ZIPFoundation reads, deflates and writes at a time.
    static let chunkSize = 1 << 20
    /// 1980-01-01T00:00:00Z, the first moment an MS-DOS date can hold.
    static let earliestDate = Date(timeIntervalSince1970: 315_532_800)

    /// Serializes ZIPFoundation's `gmtime` calls across archives.
    private static let entryLock = NSLock()

    private let archive: Archive
    private let modificationDate: Date

    /// Creates the archive at `url` (which must not exist) for entries dated `modificationDate`.
    init(url: URL, modificationDate: Date) throws {
        archive = try Archive(url: url, accessMode: .create)
        self.modificationDate = max(modificationDate, Self.earliestDate)
    }

    /// Adds the part `path` held in memory.
    func add(_ path: String, _ data: Data) throws {
        try add(path, size: Int64(data.count)) { position, count in
            data.subdata(in: Int(position)..<Int(position) + count)
        }
    }

    /// Adds the part `path` from a spooled file, read in chunks.
    func add(_ path: String, _ part: XLSXSpooledPart) throws {
        try add(path, size: part.size) { position, count in try part.read(at: position, count: count) }
    }

    private func add(_ path: String, size: Int64, provider: Provider) throws {
        try Self.entryLock.withLock {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: size, modificationDate: modificationDate,
                permissions: 0o644, compressionMethod: .deflate, bufferSize: Self.chunkSize, provider: provider)
        }
    }
}
