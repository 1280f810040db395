import ArgumentParser
import Foundation
import History
import Pipeline

/// `--history FILE` and `--no-history` (SPEC 6): which history database a command uses, if any.
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: "History database (default $XDG_STATE_HOME/smsreport/history.sqlite).")
    var file: String?

    @Flag(name: .customLong("no-history"), help: "Neither read nor record the run history.")
    var noHistory = false

    func validate() throws {
        if noHistory && file != nil { throw ValidationError("give at most one of --history FILE and --no-history") }
    }

    /// The database file: the flag, else the config's `history:`, else the default (a failure when there is no
    /// usable home, for the caller to report); nil with `--no-history`.
    func location(_ configuration: ReportConfiguration) -> Result<URL, HistoryError>? {
        if noHistory { return nil }
        if let path = file ?? configuration.history, !path.isEmpty { return .success(URL(fileURLWithPath: path)) }
        return HistoryLocation.resolve()
    }
}
