import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exclusive `flock` a run holds on `.<name>.smsreport-lock` beside its output folder (SPEC 8.2 "One run
/// per folder"), from before its first request until the process ends or ``release()`` is called.
///
/// The lock file holds the holder's pid, so that a second run can name it. A run leaves it in place: deleted
/// after unlocking, a process that opened the old file could lock it while a third one locks a new file under
/// the same name. Every taker checks after locking that the name still leads to the file it locked, and starts
/// over otherwise; that makes the one exception safe, deleting the file *while holding it*
/// (``removeFileWhileHeld()``), used only where the folder that holds it goes too.
public final class FolderLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    // NSLock rather than Mutex: Mutex needs macOS 15 and the package supports 14.
    private let guardLock = NSLock()
    private var descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    /// `.<name>.smsreport-lock` in the folder that holds `target`.
    public static func fileURL(for target: URL) -> URL {
        let target = target.standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).smsreport-lock")
    }

    /// Takes the lock for `target` without waiting. Throws ``FolderBusyError`` when another process holds it and
    /// ``OutputError`` when the lock file cannot be used (then the entry under its name is left as it is).
    public static func acquire(for target: URL) throws -> FolderLock {
        let url = fileURL(for: target)
        // A few attempts: each one that loses a race with a replaced file starts over.
        for _ in 0..<5 {
            let descriptor = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
            guard descriptor >= 0 else {
                let code = errno
                if code == ELOOP { throw notOurs(url) }
                throw OutputError(
                    path: url.path, reason: "cannot open the run lock: \(String(cString: strerror(code)))")
            }
            var opened = stat()
            // Only a plain file of this user with one name: writing the pid into anything else could damage it.
            guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG, opened.st_uid == geteuid(),
                opened.st_nlink == 1
            else {
                close(descriptor)
                throw notOurs(url)
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(descriptor)
                if code == EWOULDBLOCK || code == EAGAIN {
                    throw FolderBusyError(folder: target.standardizedFileURL.path, pid: holderPID(url))
                }
                throw OutputError(path: url.path, reason: "cannot lock: \(String(cString: strerror(code)))")
            }
            var named = stat()
            guard lstat(url.path, &named) == 0, named.st_ino == opened.st_ino, named.st_dev == opened.st_dev else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return FolderLock(url: url, descriptor: descriptor)
        }
        throw OutputError(path: url.path, reason: "the run lock keeps being replaced by another process")
    }

    /// Gives the lock up; the file stays. Calling it again does nothing.
    public func release() {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// Deletes the lock file while the lock is still held (a no-op once released): safe only because every
    /// taker re-checks the name after locking. For a folder that goes away with its lock file.
    public func removeFileWhileHeld() {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard descriptor >= 0 else { return }
        var named = stat()
        var held = stat()
        // Only the file this process locked: never a file another run has since put under the name.
        guard lstat(url.path, &named) == 0, fstat(descriptor, &held) == 0, named.st_ino == held.st_ino,
            named.st_dev == held.st_dev
        else { return }
        _ = unlink(url.path)
    }

    /// Whether this process still holds the lock.
    public var isHeld: Bool {
        guardLock.lock()
        defer { guardLock.unlock() }
        return descriptor >= 0
    }

    private static func notOurs(_ url: URL) -> OutputError {
        OutputError(
            path: url.path,
            reason: "is not a run lock this user's smsreport made (a symbolic link, a link, a folder or another "
                + "user's file); it is left alone: remove it or choose another --out")
    }

    /// Whether another process holds the lock of `target`, checked without taking it or creating anything
    /// (`--dry-run`): the error a run would stop with, nil when the lock is free or has no file.
    public static func busy(_ target: URL) -> FolderBusyError? {
        let url = fileURL(for: target)
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // A shared lock for an instant: it fails only while a run holds the exclusive one.
        guard flock(descriptor, LOCK_SH | LOCK_NB) != 0 else {
            _ = flock(descriptor, LOCK_UN)
            return nil
        }
        return FolderBusyError(folder: target.standardizedFileURL.path, pid: holderPID(url))
    }

    /// The pid the holder wrote; it writes it just after locking, so an empty file is read again briefly.
    static func holderPID(_ url: URL) -> Int32? {
        for attempt in 0..<10 {
            if attempt > 0 { usleep(20_000) }
            let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 24)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            let text = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
            if let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 { return pid }
        }
        return nil
    }
}

/// Another smsreport process holds the output folder's lock (exit 1, before any request).
public struct FolderBusyError: Error, CustomStringConvertible, Sendable {
    /// The `--out` folder.
    public let folder: String
    /// The holder's pid as it wrote it, nil when it could not be read.
    public let pid: Int32?

    public var description: String {
        "another smsreport run (pid \(pid.map(String.init) ?? "unknown")) is writing \(folder)"
    }
}
