import ArgumentParser
import Foundation
import Notify
import Pipeline
import Rendering
import ReportModel
import ReportTemplates
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
        let text: String
        do { text = try String(contentsOfFile: config, encoding: .utf8) } catch {
            throw ConfigurationError("\(config): cannot read: \(error.localizedDescription)")
        }
        let configuration = try ReportConfiguration(yaml: text, file: config)
        SecretRegistry.shared.register(configuration.literalSecrets)
        guard !configuration.notify.isEmpty else { throw ConfigurationError("\(config): no notify: entries") }
        let summaryURL = URL(fileURLWithPath: summary)
        let run: RunSummary
        do { run = try RunSummary.decode(try Data(contentsOf: summaryURL)) } catch {
            throw ConfigurationError("\(summary): not a summary.json (\(Self.reason(error)))")
        }
        let templateSet = TemplateSet(
            override: templates.map { URL(fileURLWithPath: $0) }, bundled: BundledTemplates.files)
        let context = try Self.context(
            configuration: configuration, summary: run, outputFolder: summaryURL.deletingLastPathComponent(),
            templates: templateSet, previousExitCode: previousExitCode)
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

    /// The notification context for a run of `configuration` that ended with `summary` in `outputFolder`: the
    /// configured reports, the scope as the history names it, and the string tables of every language a message
    /// may be in. The run engine calls this too.
    static func context(
        configuration: ReportConfiguration, summary: RunSummary, outputFolder: URL, templates: TemplateSet,
        previousExitCode: Int?, scope: String? = nil
    ) throws -> NotifyContext {
        var strings: [ReportLanguage: StringTable] = [:]
        for language in ReportLanguage.allCases { strings[language] = try templates.strings(for: language) }
        let scope =
            scope
            ?? RecordedRun.scope(
                override: configuration.historyScope, endpointHost: summary.endpointHost ?? "-",
                manifestName: summary.manifest?.name, discoverState: nil, discovered: false)
        return NotifyContext(
            entries: configuration.notify,
            reports: configuration.reports.isEmpty ? summary.reports : configuration.reports,
            scope: scope, outputFolder: outputFolder, reportURL: configuration.reportURL,
            previousExitCode: previousExitCode, strings: strings)
    }

    private static func reason(_ error: any Error) -> String {
        if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
            return context.debugDescription
        }
        return error is DecodingError ? "unexpected JSON" : error.localizedDescription
    }
}
