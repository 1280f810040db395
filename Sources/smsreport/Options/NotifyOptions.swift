import ArgumentParser
import Foundation
import Monitoring
import Notify
import Pipeline
import Rendering
import ReportModel
import RunEngine
import SMSAPI

/// `--metrics-file`, `--ping-url` and `--no-notify` (SPEC 8.3, 8.4): how a run tells people and monitoring.
struct NotifyOptions: ParsableArguments {
    @Option(
        name: .customLong("metrics-file"),
        help: "Write Prometheus metrics for node_exporter's textfile collector to this file (config metrics_file:).")
    var metricsFile: String?

    @Option(
        name: .customLong("ping-url"),
        help: "Ping URL/start at the start and URL/<exit code> at the end, healthchecks.io style (config ping_url:).")
    var pingURL: String?

    @Flag(name: .customLong("no-notify"), help: "Send none of the config's notify: messages.")
    var noNotify = false

    func validate() throws {
        if let pingURL, !(pingURL.lowercased().hasPrefix("http://") || pingURL.lowercased().hasPrefix("https://")) {
            // The value is a secret: the message names the flag only.
            throw ValidationError("--ping-url must be an http:// or https:// URL")
        }
    }

    /// The metrics file: the flag, else the config's `metrics_file:`; nil when neither is given.
    func metricsFile(_ configuration: ReportConfiguration) -> URL? {
        (metricsFile ?? configuration.metricsFile).flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    }

    /// The ping URL: the flag, else the config's `ping_url:`; nil when neither is given.
    func pingURL(_ configuration: ReportConfiguration) -> String? {
        (pingURL ?? configuration.pingURL).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The notifications, metrics file and pings of a run (SPEC 8.3, 8.4); nothing with none configured.
    func notices(
        _ configuration: ReportConfiguration, reports: [ReportDefinition], templates: TemplateSet, scope: String,
        outputFolder: URL
    ) throws -> RunNotices {
        var notices = RunNotices()
        if !noNotify && !configuration.notify.isEmpty {
            var strings: [ReportLanguage: StringTable] = [:]
            for language in ReportLanguage.allCases { strings[language] = try templates.strings(for: language) }
            notices.notify = NotifyContext(
                entries: configuration.notify, reports: reports, scope: scope, outputFolder: outputFolder,
                reportURL: configuration.reportURL, strings: strings)
        }
        notices.metrics = metricsFile(configuration).map { MetricsFile(file: $0, scope: scope) }
        if let url = pingURL(configuration) {
            SecretRegistry.shared.register([url])
            notices.ping = RunPing(url: url)
        }
        return notices
    }
}
