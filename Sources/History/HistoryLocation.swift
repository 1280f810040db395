import Foundation

/// Where the history database lives when neither `--history` nor `history:` says (SPEC 6).
public enum HistoryLocation {
    /// `$XDG_STATE_HOME/smsreport/history.sqlite`, else `~/.local/state/smsreport/history.sqlite`.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        // XDG says a relative XDG_STATE_HOME is invalid and must be ignored.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("smsreport/history.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/smsreport/history.sqlite")
    }
}
