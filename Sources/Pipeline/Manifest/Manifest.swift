import Foundation
import ReportModel

/// A validated task list: unique task ids in manifest order, with the manifest's name and digest.
public struct Manifest: Sendable {
    public var entries: [ManifestEntry]
    public var info: ManifestInfo
    /// Things worth a warning that did not stop the run (duplicates dropped).
    public var warnings: [String]

    public init(entries: [ManifestEntry], info: ManifestInfo, warnings: [String] = []) {
        self.entries = entries
        self.info = info
        self.warnings = warnings
    }
}

/// A manifest that cannot be used: every problem found, each naming its place.
public struct ManifestError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public init(_ problem: String) { self.problems = [problem] }

    public var description: String { problems.joined(separator: "\n") }
}
