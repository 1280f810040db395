import Foundation

extension RunSummary: Encodable {
    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case toolVersion = "tool_version"
        case exitCode = "exit_code"
        case error, scope
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case endpointHost = "endpoint_host"
        case manifest, reports, totals, changes, waivers, files, warnings, history
        case credentialsSource = "credentials_source"
        case pruned, coverage
    }

    /// Every key is always present; unknown values are `null`, never left out, so a script can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(toolVersion, forKey: .toolVersion)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(error, forKey: .error)
        try container.encode(scope, forKey: .scope)
        try container.encode(startedAt.map(ReportTime.iso8601), forKey: .startedAt)
        try container.encode(finishedAt.map(ReportTime.iso8601), forKey: .finishedAt)
        try container.encode(endpointHost, forKey: .endpointHost)
        try container.encode(manifest, forKey: .manifest)
        try container.encode(reports.map(ReportEntry.init), forKey: .reports)
        try container.encode(totals, forKey: .totals)
        try container.encode(changes, forKey: .changes)
        try container.encode(waivers, forKey: .waivers)
        try container.encode(files, forKey: .files)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(history, forKey: .history)
        try container.encode(credentialsSource, forKey: .credentialsSource)
        try container.encode(pruned, forKey: .pruned)
        try container.encode(coverage, forKey: .coverage)
    }

    /// `summary.json`'s bytes: pretty-printed with sorted keys, ending in a line break.
    public func fileData() throws -> Data {
        try Self.encoder(pretty: true).encode(self) + Data("\n".utf8)
    }

    /// The same object on one line, for `--json` on stdout.
    public func line() -> String {
        // Every value is a plain string, number or array: encoding cannot fail, but a line must still come out.
        guard let data = try? Self.encoder(pretty: false).encode(self) else {
            return #"{"schema_version":1,"exit_code":\#(exitCode),"error":"summary could not be encoded"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private struct ReportEntry: Encodable {
        var name: String
        var language: ReportLanguage
        var formats: [ReportFormat]

        init(_ report: ReportDefinition) {
            name = report.name
            language = report.language
            formats = report.formats
        }
    }
}

extension RunSummary.Changes: Encodable {
    enum CodingKeys: String, CodingKey {
        case previousRun = "previous_run"
        case newlyInconsistent = "newly_inconsistent"
        case resolved
        case newlyVerified = "newly_verified"
        case newServers = "new_servers"
        case gone
        case stillInconsistent = "still_inconsistent"
    }

    /// `previous_run` is `null` when there is none, never left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(previousRun.map(ReportTime.iso8601), forKey: .previousRun)
        try container.encode(newlyInconsistent, forKey: .newlyInconsistent)
        try container.encode(resolved, forKey: .resolved)
        try container.encode(newlyVerified, forKey: .newlyVerified)
        try container.encode(newServers, forKey: .newServers)
        try container.encode(gone, forKey: .gone)
        try container.encode(stillInconsistent, forKey: .stillInconsistent)
    }
}
