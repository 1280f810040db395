import Foundation

/// What an existing output folder holds: the earlier run's set (known from its `summary.json`) and everything
/// else, the foreign entries smsreport must not touch.
struct FolderInventory {
    /// Relative paths of the earlier run's files present in the folder, `summary.json` and `SHA256SUMS` included.
    var previousSet: Set<String> = []
    /// Relative paths of files and folders that are not the earlier run's, sorted.
    var foreign: [String] = []

    /// Reads `folder`; nil when it does not exist. A path that exists but is not a folder cannot be an output folder.
    init?(_ folder: URL, adopting: Set<String> = []) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { throw OutputError(path: folder.path, reason: "exists and is not a folder") }
        let entries = try Self.walk(folder)
        let listed = Self.listedFiles(folder).union(adopting)
        var impliedFolders: Set<String> = []
        for path in listed {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                impliedFolders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for entry in entries {
            if entry.isDirectory {
                if !impliedFolders.contains(entry.path) { foreign.append(entry.path) }
            } else if listed.contains(entry.path) || Self.isStaleTemporary(entry.path) {
                previousSet.insert(entry.path)
            } else {
                foreign.append(entry.path)
            }
        }
        // A foreign folder's contents are foreign too; naming the folder is enough.
        let foreignFolders = Set(entries.filter { $0.isDirectory && foreign.contains($0.path) }.map(\.path))
        foreign = foreign.filter { path in !foreignFolders.contains { path.hasPrefix($0 + "/") } }.sorted()
    }

    /// Every file and folder below `folder`, as relative paths; symbolic links are entries, never followed.
    static func walk(_ folder: URL) throws -> [(path: String, isDirectory: Bool)] {
        var result: [(String, Bool)] = []
        func visit(_ relative: String) throws {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            } catch {
                throw OutputError(path: url.path, reason: "cannot list: \(error.localizedDescription)")
            }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                let isDirectory =
                    lstat(folder.appendingPathComponent(path).path, &status) == 0
                    && status.st_mode & S_IFMT == S_IFDIR
                result.append((path, isDirectory))
                if isDirectory { try visit(path) }
            }
        }
        try visit("")
        return result
    }

    /// The files the folder's `summary.json` lists, plus the files every run writes after it (`SHA256SUMS`, and
    /// `SHA256SUMS.sig` when signed); empty when there is no readable summary (then every file is foreign). The
    /// summary is untrusted: only safe relative paths count.
    static func listedFiles(_ folder: URL) -> Set<String> {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(RunFolder.summaryName)),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["schema_version"] as? Int == 1, let files = object["files"] as? [[String: Any]]
        else { return [] }
        var paths: Set<String> = [RunFolder.summaryName, RunFolder.checksumsName, RunFolder.signatureName]
        for file in files {
            guard let path = file["path"] as? String, isSafeRelativePath(path) else { continue }
            paths.insert(path)
        }
        return paths
    }

    /// A relative path without `..`, `.` or empty components: it cannot name anything outside the folder.
    static func isSafeRelativePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// `.<name>.<pid>.<random>.tmp`: a temporary file of the atomic writer (an older smsreport wrote in place).
    static func isStaleTemporary(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        let parts = name.split(separator: ".")
        return name.hasPrefix(".") && name.hasSuffix(".tmp") && parts.count >= 4 && Int32(parts[parts.count - 3]) != nil
    }
}
