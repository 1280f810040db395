import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import RunEngine

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

    @Option(help: "Output folder (default: the folder of results.json); {date} and {time} expand in local time.")
    var out: String?

    @OptionGroup var report: ReportOptions
    @Option(name: .customLong("history"), help: "History database to compare with (read only; render never records).")
    var historyFile: String?
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var console: ConsoleOptions

    var json: Bool { console.json }

    func execute(_ known: inout RunSummary) async throws {
        let startedAt = ReportTime.generationTime()
        let logger = console.makeLogger()
        let configuration = try report.loadConfiguration()
        let policy = try report.policy(configuration)
        let reports = try report.handover.apply(to: report.reports(configuration))
        known.reports = reports
        let browser = try report.handover.browser(for: reports)
        let resultsURL = URL(fileURLWithPath: results).standardizedFileURL
        // Read task by task: neither the file's bytes nor a tree of the whole file are ever held.
        let snapshot = try ResultsSnapshot(contentsOf: resultsURL, source: results)
        known.manifest = snapshot.run.manifest
        known.endpointHost = snapshot.run.endpointHost
        let templates = try report.templateSet()
        try templates.check(for: reports)
        let runEvidence = RunEvidence(
            signer: try evidence.signer(configuration), bundleMaximumMB: evidence.bundleMaximumMB(configuration))
        let expanded = out.map { OutputPath.expand($0, at: Date()) }
        let folderURL = (expanded.map { URL(fileURLWithPath: $0) } ?? resultsURL.deletingLastPathComponent())
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
        let scope = RecordedRun.scope(
            override: configuration.historyScope, endpointHost: snapshot.run.endpointHost,
            manifestName: snapshot.run.manifest.name, discoverState: nil,
            discovered: snapshot.run.manifest.name == "discover")
        let runHistory = historyFile.map { RunHistory(file: URL(fileURLWithPath: $0), scope: scope, records: false) }
        let engine = RunEngine(
            reports: reports, folder: folder, writer: writer, policy: policy, logger: logger, history: runHistory,
            scope: scope, evidence: runEvidence)
        let outcome: RunOutcome
        do {
            outcome = try await Interruption.run(cleanUp: folder.discard) {
                // The set carries the snapshot it was rendered from, byte for byte, so it can be rendered again.
                try folder.staging.write("results.json") { try FileManager.default.copyItem(at: resultsURL, to: $0) }
                let carried = inPlace ? try folder.carryOver(prefix: "exports/") : []
                return try await engine.publish(
                    snapshot, writeResults: false, artefacts: ["results.json"] + carried, startedAt: startedAt,
                    finishedAt: ReportTime.generationTime())
            }
        } catch {
            folder.discard()
            throw error
        }
        try outcome.finish(json: console.json)
    }
}
