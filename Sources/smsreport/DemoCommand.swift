import ArgumentParser
import Foundation
import Logging
import Pipeline
import Rendering
import ReportModel
import ReportTemplates
import RunEngine
import SMSAPI
import SMSMock

/// `smsreport demo`: the whole pipeline against the built-in mock API, with the sample manifest and config.
struct DemoCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline against the built-in mock API and write sample reports.",
        discussion: """
            Starts the mock SMS API on an ephemeral loopback port, reads samples/manifest.csv and \
            samples/smsreport.yaml (a Chinese and an English report), and writes everything to --out. It runs \
            two nights against a world that changes in between (with a history of its own, deleted afterwards), \
            so that the reports show what changed since the previous run. The mock \
            throttles now and then and does not know one task, so the reports show a retry-recovered run with \
            one error row; the demo exits 0 when every report was written.
            """)

    @Option(help: "Output folder; {date} and {time} expand in local time.")
    var out = "smsreport-demo"

    @Option(help: "Folder with manifest.csv and smsreport.yaml (default: the copy of samples/ built into smsreport).")
    var samples: String?

    @OptionGroup var console: ConsoleOptions

    /// The task the demo's mock answers 404 for, to show how a missing result looks.
    static let unknownTaskID = "0f3c9a55-0000-4000-8000-00000000dead"

    var json: Bool { console.json }

    func execute(_ known: inout RunSummary) async throws {
        let logger = console.makeLogger()
        let manifest = try ManifestReader().read(
            SampleFiles.read("manifest.csv", folder: samples), name: "manifest.csv")
        let configuration = try ReportConfiguration(
            yaml: String(decoding: SampleFiles.read("smsreport.yaml", folder: samples), as: UTF8.self),
            file: "smsreport.yaml")
        let reports = configuration.reports
        let templates = try TemplateSet.resolve(override: nil)
        try templates.check(for: reports)
        let token = "demo-" + UUID().uuidString
        var options = MockOptions(token: token)
        options.faults.throttleEveryNth = 25
        options.faults.notFoundTaskIDs = [Self.unknownTaskID]
        let world = MockWorld.synthetic(
            tasks: manifest.entries.map(\.taskInfo),
            seed: 2026)
        let pipelineOptions = PipelineRun.Options(
            languages: Array(Set(reports.map(\.language))).sorted(), concurrency: configuration.concurrency ?? 8,
            toolVersion: ToolVersion.current)
        // Two nights against a world that changes in between, recorded in a history of the demo's own (never
        // the user's), so that the second night's reports show what changed.
        let historyFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("smsreport-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: historyFolder) }
        let history = RunHistory(
            file: historyFolder.appendingPathComponent("history.sqlite"), scope: "demo manifest.csv", records: true)
        var outcome: RunOutcome?
        // One instant for both nights: a {time} in --out names the same folder twice.
        let startedAt = Date()
        for night in 1...2 {
            let outURL = URL(fileURLWithPath: OutputPath.expand(out, at: startedAt))
            let runFolder = try RunFolder.prepare(outURL, force: false)
            defer { runFolder.discard() }
            let writer = ReportWriter(
                output: runFolder.staging, templates: templates, options: RenderOptions(),
                generatedAt: ReportTime.generationTime())
            let engine = RunEngine(
                reports: reports, folder: runFolder, writer: writer,
                policy: ReportPolicy(waivers: configuration.waivers), logger: logger, history: history)
            let progress = ProgressDisplay(logger: logger, quiet: console.quiet)
            let quietMock = Logger(label: "mock", factory: { _ in SwiftLogNoOpLogHandler() })
            outcome = try await MockServer.withRunning(world: world.atEpoch(night), options: options, logger: quietMock)
            {
                mock in
                logger.info("mock API listening", metadata: ["endpoint": "\(mock.endpoint.url)", "night": "\(night)"])
                return try await SMSClient.withClient(
                    endpoint: mock.endpoint, credentials: .token(token), logger: logger
                ) { client in
                    try await engine.run(
                        manifest, client: client, endpoint: mock.endpoint, options: pipelineOptions,
                        progress: progress.update, progressFinished: progress.finish)
                }
            }
        }
        guard let outcome else { return }
        if console.json {
            Console.printLine(outcome.summary.line())
        } else {
            Console.printLine("demo reports written to \(outcome.outputFolder.path):")
            for file in outcome.summary.files { Console.printLine("  \(file.path)") }
            Console.printLine(
                "(the mock does not know task \(Self.unknownTaskID), so the reports show one error row and a real run"
                    + " would exit 4; the demo exits 0 because every report was written)")
            Console.printLine(outcome.line)
        }
    }
}
