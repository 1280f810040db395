import Foundation
import ReportModel
import SMSAPI

extension ReportConfiguration {
    /// Reads and parses the config file at `path` (`--config`); an unreadable or invalid file is exit 2.
    public init(contentsOfFile path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError("\(path): cannot read: \(error.localizedDescription)")
        }
        try self.init(yaml: text, file: path)
    }

    /// Where a run's tasks come from (SPEC 8.5): the flags (`--manifest`, `--discover` with `--state`), else the
    /// config's `manifest:` (a relative path is relative to `configFile`'s folder) or `discover: true` with
    /// `state:`; both keys, or neither and no flag, is a usage error (exit 2).
    public func taskSource(
        manifest flag: String?, discover: Bool, state: String?, configFile: String?
    ) throws -> (manifest: String?, state: String?) {
        if let flag { return (flag, nil) }
        if discover { return (nil, state ?? self.state) }
        let configured = self.discover == true
        if manifest != nil && configured {
            throw ConfigurationError("manifest: and discover: true in the config: give one of them")
        }
        if let path = manifest {
            guard !path.hasPrefix("/"), let configFile else { return (path, nil) }
            return (URL(fileURLWithPath: configFile).deletingLastPathComponent().appendingPathComponent(path).path, nil)
        }
        guard configured else {
            throw ConfigurationError(
                "give --manifest FILE|- or --discover, or manifest: or discover: true in the --config file")
        }
        if let state = state ?? self.state, !MigrationTask.documentedStates.contains(state) {
            throw ConfigurationError(
                "state: \(LogLineEscaping.escape(state)) is not a state the list API documents; use one of: "
                    + MigrationTask.documentedStates.joined(separator: ", "))
        }
        return (nil, state ?? self.state)
    }
}
