import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the history database lives when neither `--history` nor `history:` says (SPEC 6).
public enum HistoryLocation {
    /// `$XDG_STATE_HOME/smsreport/history.sqlite`, else `<home>/.local/state/smsreport/history.sqlite` with the
    /// home from `HOME`, else from the passwd entry. No usable home (cron with `env -i` and a passwd home that
    /// does not exist) is a value, not a throw: the caller turns it into a warning (SPEC 8.2), and a home that
    /// does not exist is never created.
    public static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        passwdHome: @autoclosure () -> String? = passwdHome()
    ) -> Result<URL, HistoryError> {
        // XDG says a relative XDG_STATE_HOME is invalid and must be ignored; an absolute one is created if missing.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return .success(URL(fileURLWithPath: state).appendingPathComponent("smsreport/history.sqlite"))
        }
        let fromEnvironment = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        guard let home = fromEnvironment ?? passwdHome().flatMap({ $0.hasPrefix("/") ? $0 : nil }) else {
            return .failure(
                HistoryError(
                    "no history location: XDG_STATE_HOME and HOME are not set and this user has no home in the "
                        + "passwd database; give --history FILE or history: in the config"))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: home, isDirectory: &isDirectory), isDirectory.boolValue else {
            let source = fromEnvironment == nil ? "the passwd home" : "HOME"
            return .failure(
                HistoryError(
                    "no history location: \(source) \(home) is not an existing folder; give --history FILE or "
                        + "history: in the config, or set XDG_STATE_HOME"))
        }
        return .success(URL(fileURLWithPath: home).appendingPathComponent(".local/state/smsreport/history.sqlite"))
    }

    /// The running user's home folder as the passwd database has it; nil when it has none.
    public static func passwdHome() -> String? {
        var record = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        return buffer.withUnsafeMutableBufferPointer { storage -> String? in
            guard let base = storage.baseAddress,
                getpwuid_r(geteuid(), &record, base, storage.count, &result) == 0, result != nil,
                let directory = record.pw_dir
            else { return nil }
            let home = String(cString: directory)
            return home.isEmpty ? nil : home
        }
    }
}
