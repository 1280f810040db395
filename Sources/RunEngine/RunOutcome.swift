import Foundation
import ReportModel

/// What a finished run produced: its summary as written, its exit code and its one-line summary for stdout.
public struct RunOutcome: Sendable {
    /// `summary.json` as written, with every file of the run.
    public let summary: RunSummary
    public let outputFolder: URL
    /// The first report's aggregate: the run's own figures.
    public let aggregate: ConsistencySummary
    public let failedExports: Int

    /// The outcome of a published run (after its steps).
    public init(published: PublishedRun) {
        summary = published.summary
        outputFolder = published.folder
        aggregate = published.verdict.headline
        failedExports = published.snapshot.exports.filter { $0.error != nil }.count
    }

    /// The exit code decided when the run was published, as written in `summary.json`.
    public var exitCode: Int32 { Int32(summary.exitCode) }

    /// `smsreport: 48 tasks, 45 servers: 5 inconsistent, 1 error, 2 not verified, 37 consistent; reports in out/`.
    public var line: String {
        let totals = aggregate.totals
        var text =
            "smsreport: \(Words.count(totals.taskCount, "task")), \(Words.count(totals.serverCount, "server")): "
            + ServerStatus.allCases.map {
                "\(totals.servers($0)) \($0.rawValue.replacingOccurrences(of: "_", with: " "))"
            }
            .joined(separator: ", ")
        if totals.failedTaskCount > 0 {
            text += "; \(Words.count(totals.failedTaskCount, "task")) without results"
        }
        if failedExports > 0 { text += "; \(Words.count(failedExports, "export batch", "export batches")) failed" }
        text += coverageNote
        if !summary.warnings.isEmpty { text += "; \(Words.count(summary.warnings.count, "warning"))" }
        return text + "; reports in \(outputFolder.path) (exit \(exitCode))"
    }
}

extension RunOutcome {
    /// `; coverage: 2 tasks of the account not in the manifest, 1 task of the manifest not listed` when the run
    /// checked coverage and found a gap (`--coverage`, SPEC 9); empty otherwise.
    var coverageNote: String {
        guard let coverage = summary.coverage, !coverage.notInManifest.isEmpty || !coverage.notListed.isEmpty else {
            return ""
        }
        return "; coverage: \(Words.count(coverage.notInManifest.count, "task")) of the account not in the manifest, "
            + "\(Words.count(coverage.notListed.count, "task")) of the manifest not listed"
    }
}
