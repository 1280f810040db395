import Foundation
import GRDB
import ReportModel

/// The run history: one SQLite database in WAL mode with a busy timeout, so that two cron jobs writing at once
/// both succeed; its schema is migrated in place on open.
///
/// A file that cannot be used (SPEC 8.2: not a database, locked longer than the busy timeout, its folder not
/// creatable or not writable) throws one ``HistoryError`` naming the file and why, and is never modified.
public final class HistoryStore: Sendable {
    /// How long a writer waits for another one before giving up, by default.
    public static let busyTimeout: TimeInterval = 10
    /// The longest busy timeout (SPEC 8.2): a locked history never holds a night's run up for longer.
    public static let maximumBusyTimeout: TimeInterval = 15

    public let file: URL
    /// How long this store waits for a lock another process holds.
    public let busyTimeout: TimeInterval
    private let pool: DatabasePool

    /// Opens (creating the file and its parent folders if needed) and migrates the database at `file`, waiting
    /// at most `busyTimeout` seconds (capped at ``maximumBusyTimeout``) for a lock another process holds. The
    /// write lock is taken once on open, so a database locked for longer fails here rather than after the run.
    public init(file: URL, busyTimeout: TimeInterval = HistoryStore.busyTimeout) throws {
        self.file = file
        let timeout = min(max(busyTimeout, 0), Self.maximumBusyTimeout)
        self.busyTimeout = timeout
        // Read-only checks first: nothing below may write to a file that is not a history.
        try HistoryFile.check(file, busyTimeout: timeout)
        var configuration = Configuration()
        configuration.busyMode = .timeout(timeout)
        configuration.label = "smsreport.history"
        do {
            // A DatabasePool runs in WAL mode: readers never block the writer nor each other.
            pool = try DatabasePool(path: file.path, configuration: configuration)
            try Self.migrate(pool)
            try pool.writeWithoutTransaction { db in try db.inTransaction(.immediate) { .commit } }
        } catch {
            throw HistoryError(
                "\(file.path): not a usable history database: \(HistoryFile.describe(error, busyTimeout: timeout))")
        }
    }

    /// Two processes opening a new file at once may both see it unmigrated; the loser's migration fails on the
    /// winner's tables, and a second attempt finds the migration applied.
    private static func migrate(_ pool: DatabasePool) throws {
        var attempt = 0
        while true {
            do {
                return try HistorySchema.migrator.migrate(pool)
            } catch {
                attempt += 1
                if attempt >= 3 { throw error }
            }
        }
    }

    /// Records a finished run with its servers, in one transaction.
    public func record(_ run: RecordedRun) throws {
        try access("cannot record the run") {
            try pool.write { db in try HistoryRows.insert(run, into: db) }
        }
    }

    /// The latest recorded run of `scope` (with its servers), started before `before` when given; nil for the
    /// first run of a scope.
    public func previousRun(scope: String, before: Date? = nil) throws -> RecordedRun? {
        try access("cannot read the previous run") {
            try pool.read { db in
                try HistoryRows.runs(db, scope: scope, before: before, limit: 1, withServers: true).first
            }
        }
    }

    /// The latest `limit` runs, newest first, of `scope` or of every scope (started before `before` when
    /// given); without their servers.
    public func runs(scope: String?, before: Date? = nil, limit: Int = 1000) throws -> [RecordedRun] {
        try access("cannot list the runs") {
            try pool.read { db in
                try HistoryRows.runs(db, scope: scope, before: before, limit: limit, withServers: false)
            }
        }
    }

    private func access<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw HistoryError("\(file.path): \(what): \(HistoryFile.describe(error, busyTimeout: busyTimeout))")
        }
    }
}
