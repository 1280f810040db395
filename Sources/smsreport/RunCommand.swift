import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import RunEngine
import SMSAPI

/// `smsreport run`: the whole pipeline against the SMS API.
struct RunCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch consistency results for a task manifest and write the reports.",
        discussion: """
            Exit codes: 0 reports written, no task errors; 1 fatal (credentials rejected, endpoint unreachable, \
            output not writable); 2 usage, configuration or manifest error (no API call made); 3 a --fail-on \
            condition holds (--fail-on-inconsistent is --fail-on inconsistent); 4 some results or export batches could not be obtained; \
            130/143 stopped by SIGINT/SIGTERM (the output folder left as it was).
            """)

    @Option(
        help:
            "Task manifest: CSV (UTF-8, UTF-16, GB18030), XLSX, JSON or YAML file, a pipe or <(…), or - for stdin (at most 256 MiB)."
    )
    var manifest: String?

    @Option(
        name: .customLong("manifest-encoding"),
        help: "The manifest's text encoding: \(ManifestEncoding.names) (default: BOM, UTF-8, else GB18030).")
    var manifestEncoding: String?

    @Flag(help: "List the account's migration tasks instead of reading a manifest.")
    var discover = false

    @Option(help: "With --discover: only tasks in this state (a state the list API documents, e.g. MIGRATE_SUCCESS).")
    var state: String?

    @Flag(help: "With a manifest: list the account's tasks too and report those the manifest lacks (config coverage:).")
    var coverage = false

    @Option(
        help: "Output folder (default smsreport-out, or the config's out:); {date} and {time} expand in local time.")
    var out: String?

    @Option(help: "After publishing, keep only the newest N run folders of this scope beside --out (config keep:).")
    var keep: Int?

    @Flag(name: .customLong("dry-run"), help: "Print the batches and requests the run would make; call nothing.")
    var dryRun = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var history: HistoryOptions
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var notices: NotifyOptions
    @OptionGroup var console: ConsoleOptions

    func validate() throws {
        if discover && manifest != nil { throw ValidationError("give at most one of --manifest FILE|- and --discover") }
        if state != nil && manifest != nil { throw ValidationError("--state goes with --discover") }
        if let state, !MigrationTask.documentedStates.contains(state) {
            throw ValidationError(
                "--state \(LogLineEscaping.escape(state)) is not a state the list API documents; use one of: "
                    + MigrationTask.documentedStates.joined(separator: ", "))
        }
        if let manifestEncoding, ManifestEncoding(name: manifestEncoding) == nil {
            throw ValidationError("--manifest-encoding must be one of \(ManifestEncoding.names)")
        }
        if let keep, !(1...ReportConfiguration.maximumKeep).contains(keep) {
            throw ValidationError("--keep must be a whole number from 1 to \(ReportConfiguration.maximumKeep)")
        }
        if dryRun && discover { throw ValidationError("--dry-run needs --manifest (discovery calls the API)") }
        if coverage && discover {
            throw ValidationError("--coverage compares a manifest with the account: not with --discover")
        }
    }

    /// Where the tasks come from (``ReportConfiguration/taskSource(manifest:discover:state:configFile:)``).
    private func taskSource(_ configuration: ReportConfiguration) throws -> (manifest: String?, state: String?) {
        let source = try configuration.taskSource(
            manifest: manifest, discover: discover, state: state, configFile: report.config)
        if dryRun && source.manifest == nil {
            throw ValidationError("--dry-run needs a manifest (discovery calls the API)")
        }
        return source
    }

    var json: Bool { console.json }

    func execute(_ known: inout RunSummary) async throws {
        let logger = console.makeLogger()
        let configuration = try report.loadConfiguration()
        // Webhook URLs, signing secrets and the ping URL written in the file itself are secrets from here on.
        SecretRegistry.shared.register(configuration.literalSecrets)
        let outURL = URL(fileURLWithPath: OutputPath.expand(out ?? configuration.out ?? "smsreport-out", at: Date()))
        let policy = try report.policy(configuration)
        let reports = try report.handover.apply(to: report.reports(configuration))
        known.reports = reports
        let settings = try RunSettings(connection: connection.flags, configuration: configuration)
        known.endpointHost = settings.endpoint.host
        let templates = try report.templateSet()
        try templates.check(for: reports)
        let runEvidence = RunEvidence(
            signer: try evidence.signer(configuration), bundleMaximumMB: evidence.bundleMaximumMB(configuration))
        let browser = try report.handover.browser(for: reports)
        let options = PipelineRun.Options(
            languages: Array(Set(reports.map(\.language))).sorted(), batchSize: settings.batchSize,
            concurrency: settings.concurrency, export: !connection.noExport, toolVersion: ToolVersion.current)
        let source = try taskSource(configuration)
        let discover = source.manifest == nil
        let manifest = try source.manifest.map(readManifest)
        let checksCoverage = coverage || configuration.coverage == true
        if checksCoverage && discover {
            throw ValidationError(
                "--coverage (coverage: true) compares a manifest with the account: not with discovery")
        }
        if let manifest {
            known.manifest = manifest.info
            for warning in manifest.warnings { logger.warning("\(warning)") }
        }
        // Checked before a dry run too: a plan that cannot sign in is not a plan.
        let resolved = try settings.credentials(tokenFile: connection.tokenFile)
        known.credentialsSource = resolved.source.rawValue
        if dryRun, let manifest {
            return showPlan(
                DryRunPlan(
                    plan: PipelineRun.plan(manifest, options: options), manifest: manifest, endpoint: settings.endpoint,
                    credentials: resolved, region: settings.region, reports: reports,
                    output: RunFolder.plan(outURL, force: report.force), coverage: checksCoverage))
        }
        logger.debug("credentials: \(resolved.origin)")
        logger.debug("\(resolved.projectLine(region: settings.region))")
        if connection.insecure { logger.warning("TLS certificate verification is off (--insecure)") }
        if let proxy = settings.proxy { logger.info("connecting through a proxy", metadata: ["proxy": "\(proxy)"]) }
        let scope = RecordedRun.scope(
            override: configuration.historyScope, endpointHost: settings.endpoint.host,
            manifestName: manifest?.info.name, discoverState: source.state, discovered: discover)
        let runNotices = try notices.notices(
            configuration, reports: reports, templates: templates, scope: scope, outputFolder: outURL)
        let started = await runNotices.started()
        // The folder's lock comes first: a second run stops at once instead of waiting on a locked history.
        let folder = try RunFolder.prepare(outURL, force: report.force)
        let runHistory = history.location(configuration).map { RunHistory(location: $0, scope: scope, records: true) }
        let writer = ReportWriter(
            output: folder.staging, templates: templates,
            options: RenderOptions(
                csvByteOrderMark: !report.noByteOrderMark, browser: browser,
                pdfTimeout: report.handover.pdfTimeLimit(configuration), pdfDeadline: settings.runDeadline),
            generatedAt: ReportTime.generationTime())
        let retention = (keep ?? configuration.keep).map { RetentionStep(keep: $0, scope: scope) }
        let engine = RunEngine(
            reports: reports, folder: folder, writer: writer, policy: policy, logger: logger, history: runHistory,
            scope: scope, steps: [retention].compactMap { $0 } + runNotices.steps, evidence: runEvidence,
            annotate: { [source = resolved.source.rawValue, started] in
                $0.credentialsSource = source
                $0.warnings = started + $0.warnings
            })
        let progress = ProgressDisplay(logger: logger, quiet: console.quiet)
        let outcome: RunOutcome
        do {
            outcome = try await Interruption.run(cleanUp: folder.discard) {
                try await engine.session(
                    manifest.map { .manifest($0) } ?? .discover(state: source.state), settings: settings,
                    credentials: resolved, options: options, coverage: checksCoverage, progress: progress.update,
                    progressFinished: progress.finish)
            }
        } catch {
            // Whatever stopped the run, the target keeps the earlier set and no staging is left behind.
            folder.discard()
            known.warnings = started
            known.warnings += await runNotices.failed(
                CommandFailure.failedSummary(error, known: known), line: "\(error)")
            throw error
        }
        try outcome.finish(json: console.json)
    }

    /// `--dry-run`: the plan on stdout, or with `--json` on stderr with the summary line on stdout.
    private func showPlan(_ plan: DryRunPlan) {
        if console.json {
            Console.writeError(plan.text + "\n")
            Console.printLine(plan.summary.line())
        } else {
            Console.printLine(plan.text)
        }
    }

    private func readManifest(_ manifest: String) throws -> Manifest {
        let (data, name) = try ManifestInput(path: manifest).read()
        return try ManifestReader(encoding: manifestEncoding.flatMap(ManifestEncoding.init(name:))).read(
            data, name: name)
    }
}
