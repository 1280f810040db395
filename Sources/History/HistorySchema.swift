import GRDB

/// The schema, by version: GRDB's migrator applies the missing migrations in order, once each.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs and their servers") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("scope", .text).notNull()
                // Seconds since 1970 (UTC), so that runs sort by number.
                t.column("started_at", .double).notNull()
                t.column("finished_at", .double).notNull()
                t.column("tool_version", .text).notNull()
                t.column("manifest_sha256", .text)
                t.column("exit_code", .integer).notNull()
                t.column("servers", .integer).notNull()
                // `by_status` of summary.json as JSON text: a status a later build adds needs no migration.
                t.column("by_status", .text).notNull()
                t.column("directories", .integer).notNull()
                t.column("total_files", .integer).notNull()
                t.column("different", .integer).notNull()
                t.column("missing", .integer).notNull()
                t.column("extra", .integer).notNull()
            }
            try db.create(index: "run_by_scope", on: "run", columns: ["scope", "started_at"])
            try db.create(table: "server") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("key", .text).notNull()
                t.column("name", .text).notNull()
                t.column("status", .text).notNull()
                t.column("inconsistent_runs", .integer).notNull()
                t.column("directories", .integer).notNull()
                t.column("total_files", .integer).notNull()
                t.column("different", .integer).notNull()
                t.column("missing", .integer).notNull()
                t.column("extra", .integer).notNull()
                t.primaryKey(["run_id", "key"])
            }
        }
        return migrator
    }
}
