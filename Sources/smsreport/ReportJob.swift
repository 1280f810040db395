import Foundation
import Logging
import Pipeline
import Rendering
import ReportModel
import SMSAPI

/// One reporting job, shared by `run` and `demo`: pipeline → `results.json` → every report, all atomic writes.
struct ReportJob {
    let reports: [ReportDefinition]
    let writer: ReportWriter
    let failOnInconsistent: Bool
    let logger: Logger
    let progress: ProgressDisplay

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
        let snapshot: ResultsSnapshot
        do {
            defer { progress.finish() }
            snapshot = try await pipeline.run(
                manifest, saveArtefact: { path, bytes in try output.write(path, bytes: bytes) },
                progress: progress.update)
        }
        return try publish(snapshot)
    }

    /// Writes `results.json` and the reports for a snapshot, logs what is missing, returns the outcome.
    func publish(_ snapshot: ResultsSnapshot, writeResults: Bool = true) throws -> RunOutcome {
        var files: [URL] = []
        if writeResults { files.append(try writer.writeResults(snapshot)) }
        let summary = ConsistencySummary(tasks: snapshot.tasks)
        files += try writer.render(reports, snapshot: snapshot, summary: summary)
        let outcome = RunOutcome(
            summary: summary, snapshot: snapshot, files: files,
            outputFolder: writer.output.url, failOnInconsistent: failOnInconsistent)
        let failed = snapshot.tasks.filter { $0.error != nil }
        for task in failed.prefix(Self.listedFailures) {
            logger.warning(
                "task results not obtained",
                metadata: ["task_id": "\(task.taskID)", "error": "\(task.error?.displayText ?? "")"])
        }
        if failed.count > Self.listedFailures {
            logger.warning(
                "… and \(Self.grouped(failed.count - Self.listedFailures)) more tasks without results",
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
                "… and \(Self.grouped(failedExports.count - Self.listedFailures)) more export batches failed",
                metadata: ["count": "\(failedExports.count - Self.listedFailures)", "see": "results.json"])
        }
        logger.info("reports written", metadata: ["folder": "\(writer.output.url.path)", "files": "\(files.count)"])
        return outcome
    }

    /// How many failed tasks (and failed export batches) stderr lists one by one; the rest are counted.
    static let listedFailures = 10

    /// `1,234`: thousands grouped the same way whatever the locale, for log lines.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }
}
