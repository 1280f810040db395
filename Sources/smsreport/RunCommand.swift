import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import SMSAPI

/// `smsreport run`: the whole pipeline against the SMS API.
struct RunCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch consistency results for a task manifest and write the reports.",
        discussion: """
            Exit codes: 0 reports written, no task errors; 1 fatal (credentials rejected, endpoint unreachable, \
            output not writable); 2 usage, configuration or manifest error (no API call made); 3 some server \
            inconsistent with --fail-on-inconsistent; 4 some results or export batches could not be obtained.
            """)

    @Option(help: "Task manifest: CSV (UTF-8, UTF-16, GB18030), XLSX, JSON or YAML file, or - for stdin.")
    var manifest: String?

    @Option(
        name: .customLong("manifest-encoding"),
        help: "The manifest's text encoding: \(ManifestEncoding.names) (default: BOM, UTF-8, else GB18030).")
    var manifestEncoding: String?

    @Flag(help: "List the account's migration tasks instead of reading a manifest.")
    var discover = false

    @Option(help: "With --discover: only tasks in this state (e.g. MIGRATE_SUCCESS).")
    var state: String?

    @Option(help: "Output folder.")
    var out = "smsreport-out"

    @Flag(name: .customLong("dry-run"), help: "Print the batches and requests the run would make; call nothing.")
    var dryRun = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var console: ConsoleOptions

    func validate() throws {
        if discover == (manifest != nil) { throw ValidationError("give exactly one of --manifest FILE|- and --discover") }
        if state != nil && !discover { throw ValidationError("--state goes with --discover") }
        if let manifestEncoding, ManifestEncoding(name: manifestEncoding) == nil {
            throw ValidationError("--manifest-encoding must be one of \(ManifestEncoding.names)")
        }
        if dryRun && discover { throw ValidationError("--dry-run needs --manifest (discovery calls the API)") }
    }

    func execute() async throws {
        let logger = console.makeLogger()
        let configuration = try report.loadConfiguration()
        let reports = try report.reports(configuration)
        let settings = try RunSettings(connection: connection, configuration: configuration)
        let templates = try report.templateSet()
        try templates.check(for: reports)
        let options = PipelineRun.Options(
            languages: Array(Set(reports.map(\.language))).sorted(), batchSize: settings.batchSize,
            concurrency: settings.concurrency, export: !connection.noExport, toolVersion: ToolVersion.current)
        let manifest = try discover ? nil : readManifest()
        if let manifest {
            for warning in manifest.warnings { logger.warning("\(warning)") }
        }
        if dryRun, let manifest {
            Console.printLine(DryRunPlan(plan: PipelineRun.plan(manifest, options: options), manifest: manifest).text)
            return
        }
        let credentials = try settings.credentials(tokenFile: connection.tokenFile)
        if connection.insecure { logger.warning("TLS certificate verification is off (--insecure)") }
        if let proxy = settings.proxy { logger.info("connecting through a proxy", metadata: ["proxy": "\(proxy)"]) }
        let writer = ReportWriter(
            output: try OutputFolder(url: URL(fileURLWithPath: out)), templates: templates,
            options: RenderOptions(csvByteOrderMark: !report.noByteOrderMark), generatedAt: ReportTime.generationTime())
        let job = ReportJob(
            reports: reports, writer: writer, failOnInconsistent: report.failOnInconsistent, logger: logger,
            progress: ProgressDisplay(logger: logger, quiet: console.quiet))
        let outcome = try await SMSClient.withClient(
            endpoint: settings.endpoint, credentials: credentials, configuration: settings.clientConfiguration,
            logger: logger
        ) { client in
            let tasks: Manifest
            if let manifest {
                tasks = manifest
            } else {
                tasks = try await Discovery(client: client).manifest(state: state)
            }
            if tasks.entries.isEmpty {
                logger.warning("discovery found no task; writing empty reports")
                return try job.publish(emptySnapshot(tasks, endpoint: settings.endpoint, options: options))
            }
            return try await job.run(tasks, client: client, endpoint: settings.endpoint, options: options)
        }
        Console.printLine(console.json ? outcome.json : outcome.line)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    private func readManifest() throws -> Manifest {
        guard let manifest else { throw ValidationError("--manifest is required") }
        let data: Data
        if manifest == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: manifest))
            } catch {
                throw ManifestError("\(manifest): cannot read: \(error.localizedDescription)")
            }
        }
        return try ManifestReader(encoding: manifestEncoding.flatMap(ManifestEncoding.init(name:))).read(data, name: manifest == "-" ? "-" : URL(fileURLWithPath: manifest).lastPathComponent)
    }

    private func emptySnapshot(_ manifest: Manifest, endpoint: SMSEndpoint, options: PipelineRun.Options) -> ResultsSnapshot {
        let now = Date()
        return ResultsSnapshot(
            run: RunMetadata(
                toolVersion: ToolVersion.current, startedAt: now, finishedAt: now, endpointHost: endpoint.host,
                manifest: manifest.info, languages: []),
            tasks: [])
    }
}
