import Foundation
import Logging
import ReportModel

/// A step after the run's set is in place: notifications, the metrics file, pings, retention (SPEC 8.2–8.5).
///
/// A step never throws: what fails is a warning, so that no side feature costs a night its reports or changes its
/// exit code.
public protocol RunStep: Sendable {
    /// Does the step's work for the published run; returns its warnings and what it adds to the summary.
    func run(_ run: PublishedRun, logger: Logger) async -> StepResult
}

/// A published run as the steps see it: the summary as written, the folder it is in, and what it was made from.
public struct PublishedRun: Sendable {
    /// `summary.json` as written (with every earlier step's warnings added).
    public var summary: RunSummary
    /// The output folder, now holding the whole set.
    public var folder: URL
    public var verdict: RunVerdict
    public var snapshot: ResultsSnapshot

    public init(summary: RunSummary, folder: URL, verdict: RunVerdict, snapshot: ResultsSnapshot) {
        self.summary = summary
        self.folder = folder
        self.verdict = verdict
        self.snapshot = snapshot
    }
}

/// What a step did that the summary shows.
public struct StepResult: Sendable {
    public var warnings: [RunSummary.Warning]
    /// A change to the summary (e.g. `pruned`), applied after the warnings.
    public var amend: (@Sendable (inout RunSummary) -> Void)?

    public init(warnings: [RunSummary.Warning] = [], amend: (@Sendable (inout RunSummary) -> Void)? = nil) {
        self.warnings = warnings
        self.amend = amend
    }
}
