import ArgumentParser
import Foundation
import Notify
import Pipeline
import Rendering
import ReportModel
import ReportTemplates
import RunEngine
import SMSAPI

/// `smsreport notify --config FILE --summary DIR/summary.json`: sends an earlier run's notifications again, to
/// try a `notify:` configuration (SPEC 8.3).
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Send the notifications of an earlier run again (to try a notify: configuration).")

    @Option(help: "The config file with the notify: entries.")
    var config: String

    @Option(help: "The earlier run's summary.json; its folder is the output folder the message points to.")
    var summary: String

    @Option(help: "The exit code of the run before that one, for on: changes (default: unknown).")
    var previousExitCode: Int?

    @Option(help: "A folder whose i18n/<language>.json replace the bundled string tables.")
    var templates: String?

    func run() async throws {
        let configuration = try ReportConfiguration(contentsOfFile: config)
        SecretRegistry.shared.register(configuration.literalSecrets)
        guard !configuration.notify.isEmpty else { throw ConfigurationError("\(config): no notify: entries") }
        let summaryURL = URL(fileURLWithPath: summary)
        let run: RunSummary
        do { run = try RunSummary.decode(try Data(contentsOf: summaryURL)) } catch {
            throw ConfigurationError("\(summary): not a summary.json (\(Self.reason(error)))")
        }
        let templateSet = TemplateSet(
            override: templates.map { URL(fileURLWithPath: $0) }, bundled: BundledTemplates.files)
        let scope =
            run.scope
            ?? RecordedRun.scope(
                override: configuration.historyScope, endpointHost: run.endpointHost ?? "-",
                manifestName: run.manifest?.name, discoverState: nil, discovered: false)
        let context = try RunNotices.notifyContext(
            configuration, reports: configuration.reports.isEmpty ? run.reports : configuration.reports,
            templates: templateSet, scope: scope, outputFolder: summaryURL.deletingLastPathComponent(),
            previousExitCode: previousExitCode)
        for (index, entry) in configuration.notify.enumerated()
        where !entry.condition.holds(for: run, previousExitCode: previousExitCode) {
            Console.writeError(
                "notify[\(index + 1)] (\(entry.kind.rawValue)): on: \(entry.condition.rawValue) does not hold for this run; not sent\n"
            )
        }
        let warnings = await Notifier.send(run, context: context)
        for warning in warnings { Console.writeError("\(warning.code.rawValue): \(warning.message)\n") }
        if !warnings.isEmpty { throw ExitCode(1) }
    }

    private static func reason(_ error: any Error) -> String {
        if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
            return context.debugDescription
        }
        return error is DecodingError ? "unexpected JSON" : error.localizedDescription
    }
}
