import Foundation
import GRDB
import ReportModel

/// The run history: one SQLite database in WAL mode with a busy timeout, so that two cron jobs writing at once
/// both succeed; its schema is migrated in place on open.
public final class HistoryStore: Sendable {
    /// How long a writer waits for another one before giving up.
    public static let busyTimeout: TimeInterval = 10

    public let file: URL
    private let pool: DatabasePool

    /// Opens (creating the file and its parent folders if needed) and migrates the database at `file`.
    public init(file: URL) throws {
        self.file = file
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw HistoryError("\(file.path): cannot create its folder: \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "smsreport.history"
        do {
            // A DatabasePool runs in WAL mode: readers never block the writer nor each other.
            pool = try DatabasePool(path: file.path, configuration: configuration)
            try Self.migrate(pool)
        } catch {
            throw HistoryError("\(file.path): not a usable history database: \(Self.describe(error))")
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
            throw HistoryError("\(file.path): \(what): \(Self.describe(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
