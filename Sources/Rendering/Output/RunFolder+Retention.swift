import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunFolder {
    /// `keep: N` (SPEC 8.5): deletes the run folders beside `target` that smsreport wrote for `scope`, oldest
    /// `started_at` first, until `keep` remain with `target` counted as one of them (it is never deleted);
    /// returns the deleted folders, oldest first.
    ///
    /// A folder counts only when it is a real folder of this user (not a symbolic link) whose `summary.json`
    /// names `scope` and which holds nothing but the files that summary lists (with `summary.json`, `SHA256SUMS`
    /// and their folders such as `exports/`), each a plain file; anything else beside the target is never
    /// touched. A folder another run holds the lock of is skipped. Throws ``RetentionError`` when the parent
    /// cannot be listed or a folder cannot be deleted; it carries the folders deleted before that.
    public static func prune(beside target: URL, scope: String, keep: Int) throws -> [URL] {
        let target = target.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        } catch {
            throw RetentionError(pruned: [], path: parent.path, reason: "cannot list: \(error.localizedDescription)")
        }
        var runs: [(url: URL, startedAt: Date, files: [String])] = []
        for name in names where !name.hasPrefix(".") && name != target.lastPathComponent {
            let url = parent.appendingPathComponent(name)
            if let run = runFolder(url, scope: scope) { runs.append((url, run.startedAt, run.files)) }
        }
        // Newest first; the same second orders by name, so the choice is the same on every machine.
        runs.sort {
            $0.startedAt != $1.startedAt
                ? $0.startedAt > $1.startedAt : byteOrder($1.url.lastPathComponent, $0.url.lastPathComponent)
        }
        var pruned: [URL] = []
        for run in runs.dropFirst(max(keep, 1) - 1).reversed() {
            do {
                if try remove(run.url, files: run.files) { pruned.append(run.url) }
            } catch let error as OutputError {
                throw RetentionError(pruned: pruned, path: error.path, reason: error.reason)
            }
        }
        return pruned
    }

    /// The `started_at` and files of `url` when it is a run folder of `scope` that smsreport wrote; else nil.
    static func runFolder(_ url: URL, scope: String) -> (startedAt: Date, files: [String])? {
        guard isOwnedFolder(url) else { return nil }
        let summaryURL = url.appendingPathComponent(summaryName)
        var status = stat()
        // Bounded: a summary lists every file of a run, a few hundred bytes each.
        guard lstat(summaryURL.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size < 512 << 20,
            let data = try? Data(contentsOf: summaryURL),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["schema_version"] as? Int == 1, object["scope"] as? String == scope,
            let started = object["started_at"] as? String, let startedAt = parseTime(started),
            let entries = try? FolderInventory.walk(url)
        else { return nil }
        let listed = FolderInventory.listedFiles(url)
        var folders: Set<String> = []
        for path in listed {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var files: [String] = []
        for entry in entries {
            if entry.isDirectory {
                guard folders.contains(entry.path) else { return nil }
                continue
            }
            var status = stat()
            guard listed.contains(entry.path), lstat(url.appendingPathComponent(entry.path).path, &status) == 0,
                status.st_mode & S_IFMT == S_IFREG
            else { return nil }
            files.append(entry.path)
        }
        return (startedAt, files)
    }

    /// Deletes the run folder `url` file by file (never following a link) under its own run lock; false when
    /// another run holds that lock or its lock file is not this user's (the folder is then left as it is).
    private static func remove(_ url: URL, files: [String]) throws -> Bool {
        guard let lock = try? FolderLock.acquire(for: url) else { return false }
        defer { lock.release() }
        // Checked again under the lock: the folder may have changed since it was read.
        guard isOwnedFolder(url) else { return false }
        for path in files {
            let file = url.appendingPathComponent(path).path
            guard unlink(file) != 0 else { continue }
            let code = errno
            guard code != ENOENT else { continue }
            throw OutputError(path: file, reason: "cannot delete: \(String(cString: strerror(code)))")
        }
        let folders = Set(files.map { ($0 as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        var all: Set<String> = []
        for folder in folders {
            var parts = folder.split(separator: "/")
            while !parts.isEmpty {
                all.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for folder in all.sorted(by: { $0.count > $1.count }) {
            _ = rmdir(url.appendingPathComponent(folder).path)
        }
        guard rmdir(url.path) == 0 else {
            throw OutputError(path: url.path, reason: "not empty after its run's files were deleted; left in place")
        }
        // The folder is gone, so its lock file goes too (while held: see FolderLock).
        lock.removeFileWhileHeld()
        return true
    }

    private static func isOwnedFolder(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR && status.st_uid == geteuid()
    }

    /// `2026-12-07T02:15:00Z`, as `summary.json` writes it (fractional seconds accepted).
    private static func parseTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: text)
    }
}

/// Retention stopped part way (SPEC 8.5 `keep:`): the folders already deleted, and where and why it stopped.
public struct RetentionError: Error, CustomStringConvertible, Sendable {
    /// The folders deleted before the failure, oldest first.
    public let pruned: [URL]
    public let path: String
    public let reason: String

    public var description: String { "\(path): retention stopped: \(reason)" }
}
