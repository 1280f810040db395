import Foundation
import Logging
import Pipeline
import Rendering
import ReportModel
import SMSAPI

/// The run's back half as one chain of values, shared by `run`, `render` and `demo`:
/// snapshot → ``RunVerdict`` → ``RenderedSet`` → the published folder → the steps after publishing.
///
/// It takes the reports, the staged ``RunFolder`` and its writer, the policy, the history and the side steps; it
/// returns a ``RunOutcome``. It throws only what costs the run its reports (the pipeline stopping, an output
/// folder that cannot be written, a signal); every side feature's failure is a warning in the summary.
public struct RunEngine: Sendable {
    public var reports: [ReportDefinition]
    public var folder: RunFolder
    public var writer: ReportWriter
    public var policy: ReportPolicy
    public var logger: Logger
    /// The run history to compare with (and, for `run`, to record into); nil with `--no-history`.
    public var history: RunHistory?
    /// The run's scope (SPEC 6), written into `summary.json` so that retention recognises its folders.
    public var scope: String?
    /// What runs once the set is in place (notifications, metrics, retention…), in order.
    public var steps: [any RunStep]
    /// The bundles and the signature (SPEC 9).
    public var evidence = RunEvidence()
    /// Adds what the command knows to the summary before it is written (where the credentials came from…).
    public var annotate: @Sendable (inout RunSummary) -> Void = { _ in }

    public init(
        reports: [ReportDefinition], folder: RunFolder, writer: ReportWriter, policy: ReportPolicy, logger: Logger,
        history: RunHistory? = nil, scope: String? = nil, steps: [any RunStep] = [],
        evidence: RunEvidence = RunEvidence(),
        annotate: @escaping @Sendable (inout RunSummary) -> Void = { _ in }
    ) {
        self.evidence = evidence
        self.annotate = annotate
        self.reports = reports
        self.folder = folder
        self.writer = writer
        self.policy = policy
        self.logger = logger
        self.history = history
        self.scope = scope ?? history?.scope
        self.steps = steps
    }

    /// Runs the pipeline against `client`, then publishes; throws ``PipelineError`` to stop (exit 1). `coverage`
    /// (from `--coverage`) goes into the snapshot, so that `results.json`, the reports and the summary show it.
    public func run(
        _ manifest: Manifest, client: SMSClient, endpoint: SMSEndpoint, options: PipelineRun.Options,
        coverage: RunSummary.Coverage? = nil,
        progress: @escaping @Sendable (PipelineProgress) -> Void = { _ in },
        progressFinished: @Sendable () -> Void = {}
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
            defer { progressFinished() }
            snapshot = try await pipeline.run(
                manifest, saveArtefact: { path, bytes in try output.write(path, bytes: bytes) }, progress: progress)
        }
        // Cancelled requests end as error rows; a stopped run must not publish them as its result.
        try Task.checkCancellation()
        snapshot.coverage = coverage
        snapshot.compact()
        return try await publish(snapshot, startedAt: snapshot.run.startedAt, finishedAt: snapshot.run.finishedAt)
    }

    /// Writes `results.json` (when `writeResults`) and every report of the snapshot into the staging folder,
    /// publishes the set with its summary, then runs the steps; `artefacts` are the other staged files (exports,
    /// a carried-over `results.json`).
    public func publish(
        _ snapshot: ResultsSnapshot, writeResults: Bool = true, artefacts: [String]? = nil, startedAt: Date,
        finishedAt: Date
    ) async throws -> RunOutcome {
        var staged = artefacts ?? snapshot.exports.compactMap(\.file)
        if writeResults {
            try writer.writeResults(snapshot)
            staged.append("results.json")
        }
        // With SOURCE_DATE_EPOCH every time stamp is that one, so that reruns write the same bytes.
        let reproducible = ReportTime.isReproducible
        var verdict = RunVerdict.decide(
            RunVerdict.Inputs(
                snapshot: snapshot, reports: reports, policy: policy,
                history: history.map { $0.view(runStartedAt: snapshot.run.startedAt) } ?? .off, scope: scope,
                now: writer.generatedAt, startedAt: reproducible ? writer.generatedAt : startedAt,
                finishedAt: reproducible ? writer.generatedAt : finishedAt))
        annotate(&verdict.summary)
        let rendered = try writer.render(
            reports, snapshot: snapshot, summary: { verdict.aggregate(in: $0.timeZone) }, changes: verdict.changes)
        var summary = Self.noting(rendered.failures, in: verdict.summary)
        // A signal during rendering: the earlier set stays, the staged one is discarded by the caller.
        try Task.checkCancellation()
        // Recorded before the set goes into place, so that summary.json says whether it was (SPEC 8.2).
        if let history, var record = verdict.record {
            record.exitCode = summary.exitCode
            summary.history = history.record(record)
            if let error = summary.history.error {
                summary.warnings.append(.init(.historyUnavailable, "run not recorded in the history: \(error)"))
            }
        }
        staged += evidence.bundles(of: reports, rendered: rendered, writer: writer, summary: &summary)
        summary = try folder.publish(summary, files: staged + rendered.files.map(\.path), sign: evidence.sign)
        let published = PublishedRun(summary: summary, folder: folder.target, verdict: verdict, snapshot: snapshot)
        let outcome = try await runSteps(on: published)
        logProblems(snapshot, outcome.summary)
        logger.info(
            "reports written",
            metadata: ["folder": "\(folder.target.path)", "files": "\(outcome.summary.files.count + 2)"])
        return outcome
    }

    /// Runs each step on the published run; their warnings (and what they add, such as `pruned`) are written
    /// into the published `summary.json` once, when there is something to add.
    private func runSteps(on published: PublishedRun) async throws -> RunOutcome {
        var current = published
        for step in steps {
            let result = await step.run(current, logger: logger)
            current.summary.warnings += result.warnings
            result.amend?(&current.summary)
        }
        if current.summary != published.summary {
            current.summary = try folder.amend(current.summary, sign: evidence.sign)
        }
        return RunOutcome(published: current)
    }

    /// A failed PDF is exit 4 with a `pdf_failed` warning and the PDF named in `error` (SPEC 8.2).
    static func noting(_ failures: [RenderedSet.Failure], in summary: RunSummary) -> RunSummary {
        guard !failures.isEmpty else { return summary }
        var summary = summary
        // The printer's own message names the file already; other failures (no browser) get it here.
        let messages = failures.map {
            $0.reason.contains("\($0.report).pdf") ? $0.reason : "\($0.report).pdf not written: \($0.reason)"
        }
        summary.warnings += messages.map { .init(.pdfFailed, $0) }
        summary.exitCode = 4
        summary.error = messages.joined(separator: "; ")
        return summary
    }

    private func logProblems(_ snapshot: ResultsSnapshot, _ summary: RunSummary) {
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
        for warning in summary.warnings {
            logger.warning("\(warning.message)", metadata: ["warning": "\(warning.code.rawValue)"])
        }
    }

    /// How many failed tasks (and failed export batches) stderr lists one by one; the rest are counted.
    static let listedFailures = 10
}
