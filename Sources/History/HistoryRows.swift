import Foundation
import GRDB
import ReportModel

/// Rows ↔ ``RecordedRun``: the SQL of the store, kept apart from opening and error handling.
enum HistoryRows {
    static func insert(_ run: RecordedRun, into db: Database) throws {
        let byStatus = String(decoding: try JSONEncoder.sorted.encode(run.totals.byStatus), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO run (scope, started_at, finished_at, tool_version, manifest_sha256, exit_code, servers,
                  by_status, directories, total_files, different, missing, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.scope, run.startedAt.timeIntervalSince1970, run.finishedAt.timeIntervalSince1970, run.toolVersion,
                run.manifestSHA256, run.exitCode, run.totals.servers, byStatus, run.totals.directories,
                run.totals.totalFiles, run.totals.different, run.totals.missing, run.totals.extra,
            ])
        let id = db.lastInsertedRowID
        for server in run.servers {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO server (run_id, key, name, status, inconsistent_runs, directories,
                      total_files, different, missing, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, server.key, server.name, server.status, server.inconsistentRuns, server.directories,
                    server.totalFiles, server.different, server.missing, server.extra,
                ])
        }
    }

    static func runs(
        _ db: Database, scope: String?, before: Date?, limit: Int, withServers: Bool
    ) throws -> [RecordedRun] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let scope {
            conditions.append("scope = ?")
            arguments += [scope]
        }
        if let before {
            conditions.append("started_at < ?")
            arguments += [before.timeIntervalSince1970]
        }
        arguments += [max(limit, 0)]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM run \(filter) ORDER BY started_at DESC, id DESC LIMIT ?", arguments: arguments)
        return try rows.map { row in
            let id: Int64 = row["id"]
            var totals = RunSummary.Totals()
            totals.servers = row["servers"]
            let byStatusText: String = row["by_status"]
            // A damaged by_status column reads as zeros rather than hiding the whole run.
            if let counts = try? JSONDecoder().decode([String: Int].self, from: Data(byStatusText.utf8)) {
                for (status, count) in counts { totals.byStatus[status] = count }
            }
            totals.directories = row["directories"]
            totals.totalFiles = row["total_files"]
            totals.different = row["different"]
            totals.missing = row["missing"]
            totals.extra = row["extra"]
            return RecordedRun(
                scope: row["scope"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                finishedAt: Date(timeIntervalSince1970: row["finished_at"]), toolVersion: row["tool_version"],
                manifestSHA256: row["manifest_sha256"], exitCode: row["exit_code"], totals: totals,
                servers: try withServers ? servers(db, run: id) : [])
        }
    }

    private static func servers(_ db: Database, run id: Int64) throws -> [RecordedRun.Server] {
        try Row.fetchAll(db, sql: "SELECT * FROM server WHERE run_id = ? ORDER BY key", arguments: [id]).map { row in
            RecordedRun.Server(
                key: row["key"], name: row["name"], status: row["status"], inconsistentRuns: row["inconsistent_runs"],
                directories: row["directories"], totalFiles: row["total_files"], different: row["different"],
                missing: row["missing"], extra: row["extra"])
        }
    }
}

extension JSONEncoder {
    /// Sorted keys: the same totals always store the same text.
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
