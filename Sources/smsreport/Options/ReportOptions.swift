import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import ReportTemplates
import RunEngine

/// Which reports to write and where: a config file, or one report described by flags.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("config"), help: "YAML settings with the reports to produce (see samples/smsreport.yaml).")
    var config: String?

    @Option(help: "Report language, en-us or zh-cn (with --config: of the --report one).")
    var language: ReportLanguage?

    @Option(
        name: .customLong("format"),
        help: "Report formats (html, xlsx, csv, pdf, junit, bundle), repeated or comma-separated.")
    var formats: [String] = []

    @Option(help: "Report title.")
    var title: String?

    @Option(help: "Report name, the output file stem (default consistency-<language>).")
    var name: String?

    @Option(name: .customLong("templates"), help: "Folder whose html/ and i18n/ files replace the bundled ones.")
    var templates: String?

    @Flag(name: .customLong("no-bom"), help: "Write CSV files without a UTF-8 byte order mark.")
    var noByteOrderMark = false

    @Flag(
        name: .customLong("fail-on-inconsistent"),
        help: "Exit 3 when some server is inconsistent (--fail-on inconsistent).")
    var failOnInconsistent = false

    @Option(
        name: .customLong("fail-on"),
        help: "Exit 3 when one of these holds, repeated or comma-separated: \(FailCondition.valueList).")
    var failOn: [String] = []

    @Option(help: "YAML file of accepted differences (waivers:), instead of the config's.")
    var waivers: String?

    @Option(
        name: .customLong("report"),
        help: "With --config: the configured report that --language, --format and --name change.")
    var target: String?

    @Flag(help: "Write into an output folder that holds files smsreport did not write (they are left untouched).")
    var force = false

    @OptionGroup var handover: HandoverOptions

    /// Reads the config file, if any (exit 2 on a problem).
    func loadConfiguration() throws -> ReportConfiguration {
        try config.map(ReportConfiguration.init(contentsOfFile:)) ?? ReportConfiguration()
    }

    /// The reports to write: the configured ones with the flags applied (never dropped, SPEC 4), else the one
    /// report the flags describe, else the default report.
    func reports(_ configuration: ReportConfiguration) throws -> [ReportDefinition] {
        var parsed: [ReportFormat] = []
        for item in formats.flatMap({ $0.split(separator: ",") }) {
            let text = item.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: text) else {
                throw ConfigurationError("--format: '\(text)' is not html, xlsx, csv, pdf, junit or bundle")
            }
            if !parsed.contains(format) { parsed.append(format) }
        }
        let overrides = ReportOverrides(
            shared: ReportOverrides.Shared(title: title), language: language, formats: parsed.isEmpty ? nil : parsed,
            name: name, target: target)
        return try overrides.reports(configured: configuration.reports)
    }
}

extension ReportLanguage: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension ReportOptions {
    /// The templates: `--templates DIR` in front of the bundled ones.
    /// The waivers and `--fail-on` conditions, flags over the config.
    func policy(_ configuration: ReportConfiguration) throws -> ReportPolicy {
        try ReportPolicy(
            waiversFile: waivers, failOn: failOn, failOnInconsistent: failOnInconsistent, configuration: configuration)
    }

    func templateSet() throws -> TemplateSet {
        try TemplateSet.resolve(override: templates)
    }
}
