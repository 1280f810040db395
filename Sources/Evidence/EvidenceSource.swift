import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `verify` reads: a run folder or an evidence bundle, as a list of files it can hash and read.
protocol EvidenceSource {
    /// The files it holds (relative paths), and problems found while listing (links, unsafe or repeated names).
    func inventory() throws -> (files: [String], problems: [String])
    /// The hex SHA-256 of the file `path`.
    func digest(_ path: String) throws -> String
    /// The bytes of the small file `path` (SHA256SUMS, its signature), at most `limit` of them.
    func read(_ path: String, limit: Int) throws -> Data
}

/// A run folder on disk; symbolic links are never followed.
struct FolderEvidenceSource: EvidenceSource {
    let folder: URL

    func inventory() throws -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        func visit(_ relative: String) throws {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw EvidenceError("\(url.path): cannot list the folder")
            }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(folder.appendingPathComponent(path).path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: try visit(path)
                case S_IFREG: files.append(path)
                default: problems.append("\(VerificationReport.printable(path)) is not a regular file (not followed)")
                }
            }
        }
        try visit("")
        return (files, problems)
    }

    func digest(_ path: String) throws -> String {
        try EvidenceBundle.digest(of: folder.appendingPathComponent(path)).1
    }

    func read(_ path: String, limit: Int) throws -> Data {
        let url = folder.appendingPathComponent(path)
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw EvidenceError("\(path): cannot read") }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        guard data.count <= limit else { throw EvidenceError("\(path): larger than \(limit) bytes") }
        return data
    }
}
