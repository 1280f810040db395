import ArgumentParser
import Foundation
import History
import ReportModel

/// `smsreport history`: the recorded runs, newest first, as a text table or one JSON array (SPEC 6).
struct HistoryCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the recorded runs, newest first.",
        discussion: """
            Reads the history database (default $XDG_STATE_HOME/smsreport/history.sqlite, else \
            ~/.local/state/smsreport/history.sqlite); a missing database lists no runs and is not created.
            """)

    @Option(help: "Only the runs of this scope (endpoint host and manifest name, or history_scope).")
    var scope: String?

    @Option(name: .customLong("history"), help: "History database file.")
    var file: String?

    @Option(help: "At most this many runs.")
    var limit = 1000

    @Flag(help: "Print one JSON array of run objects instead of a table.")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func execute(_ known: inout RunSummary) async throws {
        let location = try file.map { URL(fileURLWithPath: $0) } ?? HistoryLocation.resolve().get()
        // Listing never creates a database where none was recorded.
        let runs =
            FileManager.default.fileExists(atPath: location.path)
            ? try HistoryStore(file: location).runs(scope: scope, limit: limit) : []
        if json {
            Console.printLine(try HistoryListing.json(runs))
        } else {
            Console.printLine(HistoryListing.table(runs, file: location.path))
        }
    }
}
