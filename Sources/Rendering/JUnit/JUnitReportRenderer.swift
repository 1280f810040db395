import Foundation
import ReportModel

/// Writes `<name>-junit.xml` (SPEC 6): one `<testsuite>` for the report inside `<testsuites>`, one `<testcase>`
/// per server (`classname` the source ID, `name` the server name), so that CI servers show the verdict as test
/// results: `<failure>` when inconsistent, `<error>` when in error, `<skipped>` when not verified, passing
/// otherwise; an accepted server says which waivers accepted what in its `<system-out>`.
///
/// Written through libxml2, so every name and message is escaped; characters XML 1.0 forbids are dropped.
public struct JUnitReportRenderer: ReportRenderer {
    public var format: ReportFormat { .junit }

    public init() {}

    /// Streams the file into the output folder.
    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        let url = try output.stream("\(context.report.name)-junit.xml") { sink in
            let xml = try XMLStreamWriter(policy: .dropInvalid) { try sink.write($0) }
            try write(context, to: xml)
            try xml.finish()
        }
        return [url]
    }

    /// The counts a suite carries, taken from the totals so that they always agree with the other formats.
    struct Counts: Equatable {
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int

        init(_ totals: ConsistencySummary.Totals) {
            tests = totals.serverCount
            failures = totals.servers(.inconsistent)
            errors = totals.servers(.error)
            skipped = totals.servers(.notVerified)
        }
    }

    func write(_ context: RenderContext, to xml: XMLStreamWriter) throws {
        let counts = Counts(context.summary.totals)
        try xml.startDocument(standalone: false)
        try xml.startElement("testsuites")
        try xml.attribute("name", context.title)
        try attributes(counts, suite: false, to: xml)
        try xml.startElement("testsuite")
        // Ant's aggregated form wants a name, id, package, timestamp (no zone, UTC) and hostname on each suite.
        try xml.attribute("name", context.report.name)
        try xml.attribute("id", "0")
        try xml.attribute("package", "smsreport")
        try attributes(counts, suite: true, to: xml)
        try xml.attribute("timestamp", String(ReportTime.iso8601(context.generatedAt).dropLast()))
        try xml.attribute("hostname", Self.nonEmpty(context.snapshot.run.endpointHost, or: "localhost"))
        try writeProperties(context, to: xml)
        for server in context.summary.servers { try writeCase(server, context, to: xml) }
        try xml.element("system-out", text: "")
        try xml.element("system-err", text: "")
        try xml.endElement()
        try xml.endElement()
    }

    /// The counts and time; `skipped` only on a `<testsuite>`: Jenkins' junit-10.xsd has no such attribute on
    /// `<testsuites>` and rejects the file (SPEC 8.2 "JUnit").
    private func attributes(_ counts: Counts, suite: Bool, to xml: XMLStreamWriter) throws {
        try xml.attribute("tests", "\(counts.tests)")
        try xml.attribute("failures", "\(counts.failures)")
        try xml.attribute("errors", "\(counts.errors)")
        if suite { try xml.attribute("skipped", "\(counts.skipped)") }
        try xml.attribute("time", "0")
    }

    private func writeProperties(_ context: RenderContext, to xml: XMLStreamWriter) throws {
        let run = context.snapshot.run
        let properties: [(String, String?)] = [
            ("tool_version", run.toolVersion), ("endpoint_host", run.endpointHost),
            ("manifest", run.manifest.name), ("manifest_sha256", run.manifest.sha256),
            ("language", context.report.language.rawValue),
        ]
        try xml.startElement("properties")
        for (name, value) in properties + Self.coverageProperties(context.snapshot.coverage) {
            guard let value else { continue }
            try xml.startElement("property")
            try xml.attribute("name", name)
            try xml.attribute("value", value)
            try xml.endElement()
        }
        try xml.fullEndElement()
    }

    /// With `--coverage` (SPEC 9): how many tasks the account listed, how many of them the manifest lacks and how
    /// many of the manifest's it did not list (the tasks themselves are in the other formats); none otherwise.
    static func coverageProperties(_ coverage: RunSummary.Coverage?) -> [(String, String?)] {
        guard let coverage else { return [] }
        return [
            ("coverage_listed", "\(coverage.listed)"),
            ("coverage_not_in_manifest", "\(coverage.notInManifest.count)"),
            ("coverage_not_listed", "\(coverage.notListed.count)"),
        ]
    }

    private func writeCase(_ server: ServerSummary, _ context: RenderContext, to xml: XMLStreamWriter) throws {
        let strings = context.strings
        try xml.startElement("testcase")
        try xml.attribute("name", Self.nonEmpty(server.sourceName, or: server.key))
        try xml.attribute("classname", Self.nonEmpty(server.sourceID, or: server.key))
        try xml.attribute("time", "0")
        switch server.status {
        case .inconsistent:
            let rows = server.directoryRows.filter { $0.status == .inconsistent }
            try outcome("failure", type: "inconsistent", message: Self.figures(server.counts, strings), to: xml) {
                rows.map { "\($0.directory.path): " + Self.figures($0.directory.counts, strings) }
            }
        case .error:
            try outcome("error", type: "error", message: context.errorText(server), to: xml) {
                server.errors.map { "\($0.taskID): \(context.errorText($0.error))" }
            }
        case .notVerified:
            try xml.startElement("skipped")
            try xml.attribute("message", strings.status(.notVerified))
            try xml.endElement()
        case .accepted:
            let lines = server.directoryRows.compactMap { row in
                row.waiver.map { waiver in
                    "\(row.directory.path): " + Self.figures(row.directory.counts, strings) + " — "
                        + strings.format(.waiverAcceptedBy, "\(waiver.id) (\(waiver.reason))")
                }
            }
            try xml.element("system-out", text: strings.status(.accepted) + "\n" + lines.joined(separator: "\n") + "\n")
        case .consistent:
            break
        }
        try xml.endElement()
    }

    private func outcome(
        _ element: String, type: String, message: String, to xml: XMLStreamWriter, lines: () -> [String]
    ) throws {
        try xml.startElement(element)
        try xml.attribute("type", type)
        try xml.attribute("message", message)
        try xml.text(lines().joined(separator: "\n"))
        try xml.fullEndElement()
    }

    /// `different 3, missing on target 1, extra on target 0`, with the report's words.
    static func figures(_ counts: FileCounts, _ strings: StringTable) -> String {
        [
            (StringKey.columnDifferentFiles, counts.different), (.columnMissingOnTarget, counts.missingOnTarget),
            (.columnExtraOnTarget, counts.extraOnTarget),
        ]
        .map { "\(strings[$0.0]) \($0.1)" }.joined(separator: ", ")
    }

    private static func nonEmpty(_ text: String?, or fallback: String) -> String {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return fallback }
        return text
    }
}
