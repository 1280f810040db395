import Foundation
import Logging
import Monitoring
import Notify
import Pipeline
import Rendering
import ReportModel
import SMSAPI

/// What tells people and monitoring about a run (SPEC 8.3, 8.4): the `notify:` messages, the metrics file and the
/// pings. Each is a step after publishing, and the same three run after a failure; none ever throws or changes
/// the reports or the exit code: a failure is a warning.
public struct RunNotices: Sendable {
    /// The `notify:` entries and what their messages need; nil with `--no-notify` or without entries.
    public var notify: NotifyContext?
    /// `--metrics-file` / `metrics_file:`.
    public var metrics: MetricsFile?
    /// `--ping-url` / `ping_url:` (a secret).
    public var ping: RunPing?

    public init(notify: NotifyContext? = nil, metrics: MetricsFile? = nil, ping: RunPing? = nil) {
        self.notify = notify
        self.metrics = metrics
        self.ping = ping
    }

    /// The notices `configuration` asks for, with the flags `--metrics-file` and `--ping-url` over its keys and
    /// `notify: false` for `--no-notify`; the ping URL is registered as a secret.
    public init(
        _ configuration: ReportConfiguration, metricsFile: String?, pingURL: String?, notify: Bool,
        reports: [ReportDefinition], templates: TemplateSet, scope: String, outputFolder: URL
    ) throws {
        if notify && !configuration.notify.isEmpty {
            self.notify = try Self.notifyContext(
                configuration, reports: reports, templates: templates, scope: scope, outputFolder: outputFolder)
        }
        if let file = (metricsFile ?? configuration.metricsFile).flatMap({ $0.isEmpty ? nil : $0 }) {
            metrics = MetricsFile(file: URL(fileURLWithPath: file), scope: scope)
        }
        if let url = (pingURL ?? configuration.pingURL).flatMap({ $0.isEmpty ? nil : $0 }) {
            SecretRegistry.shared.register([url])
            ping = RunPing(url: url)
        }
    }

    /// The `notify:` context of `configuration` for a run of `scope` whose set is (or will be) in `outputFolder`:
    /// its reports and the string tables of every language a message may be in (`notify` re-sends use it too).
    public static func notifyContext(
        _ configuration: ReportConfiguration, reports: [ReportDefinition], templates: TemplateSet, scope: String,
        outputFolder: URL, previousExitCode: Int? = nil
    ) throws -> NotifyContext {
        var strings: [ReportLanguage: StringTable] = [:]
        for language in ReportLanguage.allCases { strings[language] = try templates.strings(for: language) }
        return NotifyContext(
            entries: configuration.notify, reports: reports, scope: scope, outputFolder: outputFolder,
            reportURL: configuration.reportURL, previousExitCode: previousExitCode, strings: strings)
    }

    /// The `/start` ping, when the run starts.
    public func started() async -> [RunSummary.Warning] {
        guard let ping else { return [] }
        return [await ping.start()].compactMap { $0 }
    }

    /// The steps after publishing, in order: messages, the metrics file, the final ping (which reports the
    /// summary line with every earlier warning).
    public var steps: [any RunStep] {
        var steps: [any RunStep] = []
        if let notify { steps.append(NotifyStep(context: notify)) }
        if let metrics { steps.append(MetricsStep(file: metrics)) }
        if let ping { steps.append(PingStep(ping: ping)) }
        return steps
    }

    /// After a run that stopped (exit 1, 2 after the configuration was read, 130, 143): the `failure` messages
    /// (a usage error, exit 2, notifies nobody), the metrics file and the final ping; returns their warnings.
    public func failed(_ summary: RunSummary, line: String) async -> [RunSummary.Warning] {
        var warnings: [RunSummary.Warning] = []
        if let notify, summary.exitCode != 2 {
            warnings += await Notifier.send(summary, context: notify)
        }
        if let metrics {
            let figures = MetricsFile.RunFigures(requests: ResponseTally.shared.snapshot)
            if let warning = metrics.write(summary, figures: figures) { warnings.append(warning) }
        }
        if let ping, let warning = await ping.finish(exitCode: summary.exitCode, summaryLine: line) {
            warnings.append(warning)
        }
        return warnings
    }
}

/// The `notify:` messages of a published run; the previous run's exit code comes from the history.
struct NotifyStep: RunStep {
    let context: NotifyContext

    func run(_ run: PublishedRun, logger: Logger) async -> StepResult {
        var context = context
        context.outputFolder = run.folder
        context.previousExitCode = run.verdict.previousExitCode
        return StepResult(warnings: await Notifier.send(run.summary, context: context))
    }
}

/// The metrics file of a published run, its figures from the snapshot and this run's answers.
struct MetricsStep: RunStep {
    let file: MetricsFile

    func run(_ run: PublishedRun, logger: Logger) async -> StepResult {
        let failed = run.snapshot.tasks.count { $0.error != nil }
        let figures = MetricsFile.RunFigures(
            tasksFetched: run.snapshot.tasks.count - failed, tasksFailed: failed,
            requests: ResponseTally.shared.snapshot)
        return StepResult(warnings: [file.write(run.summary, figures: figures)].compactMap { $0 })
    }
}

/// The final ping: `URL/<exit code>` with the one-line summary.
struct PingStep: RunStep {
    let ping: RunPing

    func run(_ run: PublishedRun, logger: Logger) async -> StepResult {
        let line = RunOutcome(published: run).line
        return StepResult(
            warnings: [await ping.finish(exitCode: run.summary.exitCode, summaryLine: line)].compactMap { $0 })
    }
}
