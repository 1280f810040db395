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

    /// The notifications, metrics file and pings of a run (SPEC 8.3, 8.4), flags over the config's keys.
    func notices(
        _ configuration: ReportConfiguration, reports: [ReportDefinition], templates: TemplateSet, scope: String,
        outputFolder: URL
    ) throws -> RunNotices {
        try RunNotices(
            configuration, metricsFile: metricsFile, pingURL: pingURL, notify: !noNotify, reports: reports,
            templates: templates, scope: scope, outputFolder: outputFolder)
    }
}
