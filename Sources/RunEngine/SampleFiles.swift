import Foundation
import Pipeline
import ReportTemplates

/// The demo's sample manifest and config (`samples/`, compiled into the binary).
public enum SampleFiles {
    /// The sample file `name` from `folder` (`demo --samples DIR`), else the built-in copy.
    public static func read(_ name: String, folder: String?) throws -> Data {
        guard let folder else {
            guard let data = BundledTemplates.samples[name] else { throw ConfigurationError("no built-in \(name)") }
            return data
        }
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ConfigurationError("\(url.path): cannot read: \(error.localizedDescription)")
        }
    }
}
