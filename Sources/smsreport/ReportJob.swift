import Foundation
import Logging
import Pipeline
import Rendering
import ReportModel
import SMSAPI

/// One reporting job, shared by `run`, `render` and `demo`: pipeline → `results.json` → every report, staged in
/// a ``RunFolder`` and published as one set with `summary.json` and `SHA256SUMS`.
struct ReportJob {
    let reports: [ReportDefinition]
    let folder: RunFolder
    let writer: ReportWriter
    let policy: ReportPolicy
    let logger: Logger
    let progress: ProgressDisplay
    /// The run history to compare with (and, for `run`, to record into); nil with `--no-history`.
    let history: RunHistory?

    init(
        reports: [ReportDefinition], folder: RunFolder, writer: ReportWriter, policy: ReportPolicy, logger: Logger,
        progress: ProgressDisplay, history: RunHistory? = nil
    ) {
        self.history = history
        self.reports = reports
        self.folder = folder
        self.writer = writer
        self.policy = policy
        self.logger = logger
        self.progress = progress
    }

    /// Runs the pipeline against `client` and writes everything; throws ``PipelineError`` to stop (exit 1).
    func run(
        _ manifest: Manifest, client: SMSClient, endpoint: SMSEndpoint, options: PipelineRun.Options
    ) async throws -> RunOutcome {
        let output = writer.output
        let pipeline = PipelineRun(client: client, endpoint: endpoint, options: options, logger: logger)
        logger.info(
            "run started",
            metadata: [
                "tasks": "\(manifest.entries.count)", "endpoint": "\(endpoint.host)",
                "languages": "\(options.languages.map(\.rawValue).joined(separator: ","))",
            ])
        var snapshot: ResultsSnapshot
        do {
            defer { progress.finish() }
            snapshot = try await pipeline.run(
                manifest, saveArtefact: { path, bytes in try output.write(path, bytes: bytes) },
                progress: progress.update)
        }
        // Cancelled requests end as error rows; a stopped run must not publish them as its result.
        try Task.checkCancellation()
        snapshot.compact()
        return try publish(snapshot, startedAt: snapshot.run.startedAt, finishedAt: snapshot.run.finishedAt)
    }

    /// Writes `results.json` (when `writeResults`) and the reports for a snapshot into the staging folder, then
    /// publishes the set with its summary; logs what is missing and returns the outcome.
    func publish(
        _ snapshot: ResultsSnapshot, writeResults: Bool = true, startedAt: Date, finishedAt: Date
    ) throws -> RunOutcome {
        if writeResults { try writer.writeResults(snapshot) }
        // "Today" for waiver expiry is the generation time (SOURCE_DATE_EPOCH when set), in each report's zone.
        let now = writer.generatedAt
        // The run's own figures (summary.json, history, exit code) use the first report's zone, as its headline does.
        let aggregate = policy.aggregate(snapshot.tasks, for: reports.first, at: now)
        // With SOURCE_DATE_EPOCH every time stamp is that one, so that reruns write the same bytes.
        let reproducible = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] != nil
        var summary = RunSummary(
            toolVersion: ToolVersion.current,
            startedAt: reproducible ? RunRecord.now() : startedAt,
            finishedAt: reproducible ? RunRecord.now() : finishedAt,
            endpointHost: snapshot.run.endpointHost, manifest: snapshot.run.manifest, reports: reports,
            totals: RunSummary.Totals(aggregate.totals), waivers: RunSummary.Waivers(aggregate.waivers))
        let recorded = try history?.changes(
            summary: summary, aggregate: aggregate, runStartedAt: snapshot.run.startedAt)
        if let recorded { summary.changes = recorded.changes.summary }
        // The exit code comes after the changes: `--fail-on new-inconsistent` reads them.
        summary.exitCode = Int(
            RunOutcome.exitCode(aggregate, snapshot: snapshot, changes: summary.changes, failOn: policy.failOn))
        for report in reports {
            // A report in the first report's zone uses the aggregate above: the summary depends on the zone only
            // (waiver expiry), so it is not built (and held) a second time.
            let sameZone = report.timeZone == (reports.first?.timeZone ?? .utc)
            let reportSummary = sameZone ? aggregate : policy.aggregate(snapshot.tasks, for: report, at: now)
            _ = try writer.render([report], snapshot: snapshot, summary: reportSummary, changes: recorded?.changes)
        }
        // A signal during rendering: the earlier set stays, the staged one is discarded by the caller.
        try Task.checkCancellation()
        summary = try folder.publish(summary)
        if let recorded { history?.record(recorded.record, exitCode: summary.exitCode, logger: logger) }
        let outcome = RunOutcome(
            aggregate: aggregate, snapshot: snapshot, summary: summary, outputFolder: folder.target)
        logProblems(snapshot)
        logger.info(
            "reports written", metadata: ["folder": "\(folder.target.path)", "files": "\(summary.files.count + 2)"])
        return outcome
    }

    private func logProblems(_ snapshot: ResultsSnapshot) {
        let failed = snapshot.tasks.filter { $0.error != nil }
        for task in failed.prefix(Self.listedFailures) {
            logger.warning(
                "task results not obtained",
                metadata: ["task_id": "\(task.taskID)", "error": "\(task.error?.displayText ?? "")"])
        }
        if failed.count > Self.listedFailures {
            logger.warning(
                "… and \(ReportNumbers.grouped(failed.count - Self.listedFailures)) more tasks without results",
                metadata: ["count": "\(failed.count - Self.listedFailures)", "see": "results.json"])
        }
        let failedExports = snapshot.exports.filter { $0.error != nil }
        for export in failedExports.prefix(Self.listedFailures) {
            logger.warning(
                "export batch failed",
                metadata: [
                    "batch": "\(export.batch)", "language": "\(export.requestedLanguage.rawValue)",
                    "error": "\(export.error?.displayText ?? "")",
                ])
        }
        if failedExports.count > Self.listedFailures {
            logger.warning(
                "… and \(ReportNumbers.grouped(failedExports.count - Self.listedFailures)) more export batches failed",
                metadata: ["count": "\(failedExports.count - Self.listedFailures)", "see": "results.json"])
        }
    }

    /// How many failed tasks (and failed export batches) stderr lists one by one; the rest are counted.
    static let listedFailures = 10
}
