import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output folder of one run (SPEC 3 "Output folder"): the run writes into a hidden staging folder beside
/// the target and ``publish(_:)`` swaps the complete set into place, so the target always holds one whole run.
///
/// The design and its crash windows are described in `docs/output-folder.md`.
public struct RunFolder: Sendable {
    /// How the finished set gets into the target.
    enum Mode: Sendable {
        /// The target does not exist: one rename.
        case create
        /// The target is empty or holds only an earlier run: one atomic exchange of the two folders.
        case swap
        /// The target holds foreign files (`--force`): the earlier set's files are removed and the new ones
        /// renamed in one by one, `summary.json` and `SHA256SUMS` last.
        case merge
    }

    /// The folder `--out` names.
    public let target: URL
    /// Where the run writes; every file goes through its atomic writer.
    public let staging: OutputFolder
    /// The earlier run's files in the target (relative paths), empty when none.
    let previousSet: Set<String>
    let mode: Mode
    /// Folders created for the staging folder's parent, removed again when the run is discarded (with the lock
    /// file, when the folder that holds it was made by this run).
    let createdAncestors: [URL]
    /// The run lock on `.<name>.smsreport-lock`, held until the process ends, ``discard()`` or ``release()``.
    public let lock: FolderLock

    /// `summary.json`: the run's record, written last but one.
    public static let summaryName = "summary.json"
    /// `SHA256SUMS`: every file of the run but itself, in `sha256sum -c` format, written last.
    public static let checksumsName = "SHA256SUMS"
    /// `SHA256SUMS.sig`: the SSH signature of `SHA256SUMS` with `--sign-key` (SPEC 9), written after it.
    public static let signatureName = "SHA256SUMS.sig"

    /// Takes the folder's run lock, checks the target and creates the staging folder; nothing in the target
    /// changes until ``publish(_:)``. The lock is held until the process ends or the folder is discarded or
    /// released.
    ///
    /// Throws ``FolderBusyError`` (exit 1) when another run holds the lock; ``OutputConflictError`` (exit 2) when
    /// the target holds files smsreport did not write, unless `force`; ``OutputError`` (exit 1) when it cannot
    /// be written or a staging or retired name beside it is not a folder of this user. `adopting` names files
    /// the caller vouches for besides the earlier run's (a `render` in place: the `results.json` it renders from).
    public static func prepare(_ target: URL, force: Bool, adopting: Set<String> = []) throws -> RunFolder {
        let target = target.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let created = try createAncestors(parent)
        let lock: FolderLock
        do {
            lock = try FolderLock.acquire(for: target)
        } catch {
            removeEmpty(created)
            throw error
        }
        do {
            return try prepareLocked(target, force: force, adopting: adopting, lock: lock, created: created)
        } catch {
            if created.contains(parent) { lock.removeFileWhileHeld() }
            lock.release()
            removeEmpty(created)
            throw error
        }
    }

    /// The part of ``prepare(_:force:adopting:)`` that runs under the lock: only one process at a time repairs,
    /// cleans and stages beside the target.
    private static func prepareLocked(
        _ target: URL, force: Bool, adopting: Set<String>, lock: FolderLock, created: [URL]
    ) throws -> RunFolder {
        let parent = target.deletingLastPathComponent()
        let siblings = try checkedSiblings(of: target)
        restoreInterruptedSwap(target, siblings: siblings)
        removeStaleSiblings(siblings)
        var mode = Mode.create
        var previous: Set<String> = []
        if let inventory = try FolderInventory(target, adopting: adopting) {
            previous = inventory.previousSet
            let foreign = inventory.foreign
            if !foreign.isEmpty && !force { throw OutputConflictError(folder: target.path, foreign: foreign) }
            mode = foreign.isEmpty ? .swap : .merge
        }
        let stagingURL = parent.appendingPathComponent(".\(target.lastPathComponent).smsreport-staging-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: stagingURL, withIntermediateDirectories: false)
            let staging = try OutputFolder(url: stagingURL)
            return RunFolder(
                target: target, staging: staging, previousSet: previous, mode: mode, createdAncestors: created,
                lock: lock)
        } catch {
            try? FileManager.default.removeItem(at: stagingURL)
            if let error = error as? OutputError { throw error }
            throw OutputError(
                path: parent.path,
                reason: "cannot create the staging folder beside \(target.lastPathComponent): "
                    + "\(error.localizedDescription) (smsreport needs write access to the folder that holds --out)")
        }
    }

    /// Puts the earlier run's files under `prefix` (e.g. `exports/`) into the new set too, as hard links (copies
    /// where links fail): a `render` in place keeps the artefacts of the run it re-renders.
    /// Returns their paths.
    @discardableResult
    public func carryOver(prefix: String) throws -> [String] {
        let carried = previousSet.sorted().filter { $0.hasPrefix(prefix) }
        for path in carried {
            let source = target.appendingPathComponent(path)
            let destination = staging.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            if link(source.path, destination.path) != 0 {
                do {
                    try FileManager.default.copyItem(at: source, to: destination)
                } catch {
                    throw OutputError(
                        path: source.path, reason: "cannot keep it in the new set: \(error.localizedDescription)")
                }
            }
        }
        return carried
    }

    /// Removes the staging folder and every folder created for it, and gives up the run lock: the target is as
    /// it was before the run. After a publish it only gives up the lock.
    public func discard() {
        try? FileManager.default.removeItem(at: staging.url)
        // A folder this run made only for --out must not stay behind for the lock file alone (SPEC 3). The file is
        // deleted while still held, the one order that is safe: a taker re-checks the name after locking.
        if createdAncestors.contains(target.deletingLastPathComponent()) { lock.removeFileWhileHeld() }
        lock.release()
        Self.removeEmpty(createdAncestors)
    }

    /// Gives up the run lock once the run's work on the folder is done (its file stays beside the target).
    public func release() {
        lock.release()
    }

    /// The folder the earlier set is moved to while the new one takes its place (same parent, same file system).
    static func retiredURL(_ target: URL, pid: Int32 = getpid()) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).smsreport-old-\(pid)")
    }

    private static func createAncestors(_ folder: URL) throws -> [URL] {
        var missing: [URL] = []
        var current = folder
        while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        for url in missing.reversed() {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            } catch {
                removeEmpty(missing.filter { FileManager.default.fileExists(atPath: $0.path) })
                throw OutputError(path: url.path, reason: "cannot create folder: \(error.localizedDescription)")
            }
        }
        return missing
    }

    /// Removes each folder (deepest first) if it is empty.
    static func removeEmpty(_ folders: [URL]) {
        for folder in folders.sorted(by: { $0.path.count > $1.path.count }) { _ = rmdir(folder.path) }
    }
}

/// The output folder holds files smsreport did not write (exit 2): a run never writes into such a folder
/// unless `--force`, and even then deletes nothing it did not write.
public struct OutputConflictError: Error, CustomStringConvertible, Sendable {
    public let folder: String
    /// Relative paths of the foreign files and folders.
    public let foreign: [String]

    public var description: String {
        let shown = foreign.prefix(5).joined(separator: ", ")
        let more = foreign.count > 5 ? " and \(foreign.count - 5) more" : ""
        return "\(folder) holds files smsreport did not write (\(shown)\(more)): choose an empty or new --out folder, "
            + "or give --force to write beside them (they are left untouched)"
    }
}

extension RunFolder {
    /// What a run would do with `target`, for `--dry-run`; inspects only, creates nothing.
    public static func plan(_ target: URL, force: Bool) -> String {
        let target = target.standardizedFileURL
        do {
            if let busy = FolderLock.busy(target) { return "\(target.path): the run would stop with exit 1: \(busy)" }
            _ = try checkedSiblings(of: target)
            guard let inventory = try FolderInventory(target) else { return "\(target.path) (a new folder)" }
            if !inventory.foreign.isEmpty {
                let conflict = OutputConflictError(folder: target.path, foreign: inventory.foreign)
                return force
                    ? "\(target.path) (holds files smsreport did not write; --force writes beside them)"
                    : "\(target.path): the run would stop with exit 2: \(conflict)"
            }
            return inventory.previousSet.isEmpty
                ? "\(target.path) (an empty folder)"
                : "\(target.path) (replaces the earlier run's \(inventory.previousSet.count) files as a whole)"
        } catch {
            return "\(target.path): the run would stop: \(error)"
        }
    }
}
