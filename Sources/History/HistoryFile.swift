import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checks a history file passes before SQLite may write to it (SPEC 8.2): its folder can be created and
/// written, it is empty or a SQLite database, and a database holds a smsreport history. Until they pass, the file
/// is only ever read, so a file of anything else is never modified, truncated or replaced, and gets no `-wal` or
/// `-shm` beside it.
enum HistoryFile {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let header = Array("SQLite format 3\u{0}".utf8)

    /// Creates the folder when missing and checks it and the file; throws a ``HistoryError`` naming the file.
    static func check(_ file: URL, busyTimeout: TimeInterval) throws {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw HistoryError("\(file.path): cannot create its folder \(folder.path): \(error.localizedDescription)")
        }
        // SQLite writes `-wal` and `-shm` files beside the database: the folder itself must be writable.
        guard access(folder.path, W_OK | X_OK) == 0 else {
            throw HistoryError("\(file.path): its folder \(folder.path) is not writable")
        }
        var status = stat()
        guard stat(file.path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw HistoryError("\(file.path): not a regular file (left untouched)")
        }
        guard access(file.path, R_OK | W_OK) == 0 else {
            throw HistoryError("\(file.path): cannot be read and written by this user (left untouched)")
        }
        guard status.st_size > 0 else { return }
        guard try readHeader(file) == header else {
            throw HistoryError("\(file.path): not a SQLite database, so not a history (left untouched)")
        }
        try checkSchema(file, busyTimeout: busyTimeout)
    }

    private static func readHeader(_ file: URL) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw HistoryError("\(file.path): cannot be read (left untouched)")
        }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: header.count)) ?? Data())
    }

    /// Opens the database read-only: its tables must be none yet (a new database) or a smsreport history
    /// whose migrations this build knows.
    private static func checkSchema(_ file: URL, busyTimeout: TimeInterval) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "smsreport.history.check"
        do {
            let queue = try DatabaseQueue(path: file.path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    .filter { !$0.hasPrefix("sqlite_") }
                guard !tables.isEmpty else { return }
                guard tables.contains("grdb_migrations"), tables.contains("run"), tables.contains("server") else {
                    throw HistoryError(
                        "\(file.path): a SQLite database of another program, not a history (left untouched)")
                }
                let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = Set(HistorySchema.migrator.migrations)
                guard applied.isSubset(of: known) else {
                    throw HistoryError(
                        "\(file.path): written by a newer smsreport (its schema has migrations this build does not "
                            + "know; left untouched)")
                }
            }
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError("\(file.path): \(describe(error, busyTimeout: busyTimeout)) (left untouched)")
        }
    }

    /// What went wrong, in words: a lock held too long, a file that is not a database, a folder or file that
    /// cannot be written.
    static func describe(_ error: any Error, busyTimeout: TimeInterval? = nil) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            let wait = busyTimeout.map { " for longer than the busy timeout of \(formatSeconds($0))" } ?? ""
            return "locked by another process\(wait) (\(message))"
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return "not a usable SQLite database (\(message))"
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR:
            return "cannot be opened for writing, or its folder cannot be written (\(message))"
        default:
            return message
        }
    }

    private static func formatSeconds(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
