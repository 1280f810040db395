import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that writes report files: each file is written to a temporary name in the same folder,
/// flushed to disk and renamed into place, so an interrupted run never leaves a truncated file.
public struct OutputFolder: Sendable {
    public let url: URL

    /// Uses `url` as the output folder, creating it (and its parents) when missing.
    public init(url: URL) throws {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: url.path, reason: "cannot create folder: \(error.localizedDescription)")
        }
        guard access(url.path, W_OK) == 0 else {
            throw OutputError(path: url.path, reason: "folder is not writable")
        }
        Self.removeStaleTemporaryFiles(in: url)
    }

    /// Lets `body` fill a temporary file by any means (a path-based library such as a zip writer),
    /// then renames it to `relativePath`. The temporary file is removed when `body` throws.
    @discardableResult
    public func write(_ relativePath: String, _ body: (URL) throws -> Void) throws -> URL {
        let destination = url.appendingPathComponent(relativePath)
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            ".\(destination.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try body(temporary)
            try Self.syncFile(at: temporary)
            guard rename(temporary.path, destination.path) == 0 else {
                throw OutputError(
                    path: destination.path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? OutputError { throw error }
            throw OutputError(path: destination.path, reason: "\(error)")
        }
        return destination
    }

    /// Streams a file through a buffered ``FileSink``, atomically.
    @discardableResult
    public func stream(_ relativePath: String, _ body: (FileSink) throws -> Void) throws -> URL {
        try write(relativePath) { temporary in
            let sink = try FileSink(creating: temporary)
            do {
                try body(sink)
                try sink.close()
            } catch {
                try? sink.close()
                throw error
            }
        }
    }

    /// The path of a file inside this folder relative to it (`exports/en-us/batch-0001.zip`).
    public func relativePath(of file: URL) -> String {
        let base = url.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : file.lastPathComponent
    }

    /// Writes `bytes` to `relativePath`, atomically.
    @discardableResult
    public func write(_ relativePath: String, bytes: some Collection<UInt8>) throws -> URL {
        try stream(relativePath) { try $0.write(Array(bytes)) }
    }

    /// Removes temporary files that an interrupted earlier run (a process no longer alive) left behind.
    private static func removeStaleTemporaryFiles(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            // .<file name>.<pid>.<random>.tmp
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    private static func syncFile(at url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fsync(fd)
    }
}

/// A report file could not be written; the run stops with exit 1 ("output not writable").
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}
