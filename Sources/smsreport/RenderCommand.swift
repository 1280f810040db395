import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel

/// `smsreport render`: re-renders reports offline from a `results.json`.
struct RenderCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Re-render reports from a results.json, offline.",
        discussion: """
            The output folder gets a new set: the reports, the results.json they come from, summary.json and \
            SHA256SUMS (re-rendering in place keeps the run's exports). With SOURCE_DATE_EPOCH set, the same \
            results and config give byte-identical files.
            """)

    @Option(help: "The results.json of an earlier run.")
    var results: String

    @Option(help: "Output folder (default: the folder of results.json).")
    var out: String?

    @OptionGroup var report: ReportOptions
    @Option(name: .customLong("history"), help: "History database to compare with (read only; render never records).")
    var historyFile: String?
    @OptionGroup var console: ConsoleOptions

    func execute() async throws {
        let startedAt = RunRecord.now()
        let logger = console.makeLogger()
        let configuration = try report.loadConfiguration()
        let policy = try ReportPolicy(options: report, configuration: configuration)
        let reports = try report.handover.apply(to: report.reports(configuration))
        RunRecord.shared.update { $0.reports = reports }
        let browser = try report.handover.browser(for: reports)
        let resultsURL = URL(fileURLWithPath: results).standardizedFileURL
        // Read task by task: neither the file's bytes nor a tree of the whole file are ever held.
        let snapshot = try ResultsSnapshot(contentsOf: resultsURL, source: results)
        RunRecord.shared.update {
            $0.manifest = snapshot.run.manifest
            $0.endpointHost = snapshot.run.endpointHost
        }
        let templates = try report.templateSet()
        try templates.check(for: reports)
        let folderURL = (out.map { URL(fileURLWithPath: $0) } ?? resultsURL.deletingLastPathComponent())
            .standardizedFileURL
        let inPlace = resultsURL.deletingLastPathComponent().path == folderURL.path
        let folder = try RunFolder.prepare(
            folderURL, force: report.force, adopting: inPlace ? [resultsURL.lastPathComponent] : [])
        let writer = ReportWriter(
            output: folder.staging, templates: templates,
            options: RenderOptions(
                csvByteOrderMark: !report.noByteOrderMark, browser: browser,
                pdfTimeout: report.handover.pdfTimeLimit(configuration)),
            generatedAt: ReportTime.generationTime())
        // Only an explicit --history is read: a re-render stays reproducible from its inputs alone.
        let runHistory = try historyFile.map { file in
            try RunHistory(
                file: URL(fileURLWithPath: file),
                scope: RecordedRun.scope(
                    override: configuration.historyScope, endpointHost: snapshot.run.endpointHost,
                    manifestName: snapshot.run.manifest.name, discoverState: nil,
                    discovered: snapshot.run.manifest.name == "discover"),
                records: false)
        }
        let job = ReportJob(
            reports: reports, folder: folder, writer: writer, policy: policy,
            logger: logger, progress: ProgressDisplay(logger: logger, quiet: true), history: runHistory)
        let outcome: RunOutcome
        do {
            outcome = try await Interruption.run(cleanUp: folder.discard) {
                // The set carries the snapshot it was rendered from, byte for byte, so it can be rendered again.
                try folder.staging.write("results.json") { try FileManager.default.copyItem(at: resultsURL, to: $0) }
                if inPlace { try folder.carryOver(prefix: "exports/") }
                return try job.publish(snapshot, writeResults: false, startedAt: startedAt, finishedAt: RunRecord.now())
            }
        } catch {
            folder.discard()
            throw error
        }
        try outcome.finish(json: console.json)
    }
}
