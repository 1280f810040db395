import Foundation
import Glibc
import ReportModel

/// Where a manifest's bytes come from: a file, a FIFO, process substitution (`<(…)`) or stdin (`-`).
///
/// Everything is read as a stream through one descriptor, with a size limit, so that a pipe is read the same
/// way as a file and an endless stdin stops at the limit instead of exhausting memory. Parsing is separate
/// (``ManifestReader``): this type only delivers bytes and the name errors and reports use.
public struct ManifestInput: Sendable {
    /// The most bytes a manifest may hold: 256 MiB.
    public static let defaultLimit = 256 << 20

    /// The path as given, `-` for stdin.
    public let path: String
    /// The most bytes read before giving up.
    public let limit: Int

    public init(path: String, limit: Int = ManifestInput.defaultLimit) {
        self.path = path
        self.limit = limit
    }

    /// The bytes and the manifest's name: the file name for a regular file, the path as given otherwise
    /// (`/dev/fd/63` says more than `63`), `-` for stdin.
    public func read() throws -> (data: Data, name: String) {
        if path == "-" { return (try read(descriptor: STDIN_FILENO, name: "-"), "-") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw failure(path, "cannot read: \(String(cString: strerror(errno)))")
        }
        if status.st_mode & S_IFMT == S_IFDIR { throw failure(path, "is a folder, not a manifest file") }
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        let name = isRegular ? URL(fileURLWithPath: path).lastPathComponent : path
        return (try read(descriptor: descriptor, name: name), name)
    }

    private func read(descriptor: Int32, name: String) throws -> Data {
        var data = Data()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count: Int
            do {
                count = try DescriptorIO.read(descriptor, into: chunk)
            } catch {
                throw failure(name, "cannot read: \(error.reason)")
            }
            if count == 0 { return data }
            guard data.count + count <= limit else {
                throw failure(
                    name,
                    "larger than \(Self.describe(limit)), the most a manifest may hold; split it into several runs")
            }
            data.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    private func failure(_ name: String, _ reason: String) -> ManifestError {
        ManifestError("\(name): \(reason)")
    }

    private static func describe(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
