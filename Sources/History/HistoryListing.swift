import Foundation
import ReportModel

/// The two forms of `smsreport history`: a JSON array for scripts, a table for people.
public enum HistoryListing {
    /// One run object: the summary.json names (`scope`, `started_at`, `finished_at`, `exit_code`, `totals`).
    struct Entry: Encodable {
        var scope: String
        var startedAt: String
        var finishedAt: String
        var exitCode: Int
        var toolVersion: String
        var manifestSHA256: String?
        var totals: RunSummary.Totals

        enum CodingKeys: String, CodingKey {
            case scope
            case startedAt = "started_at"
            case finishedAt = "finished_at"
            case exitCode = "exit_code"
            case toolVersion = "tool_version"
            case manifestSHA256 = "manifest_sha256"
            case totals
        }

        init(_ run: RecordedRun) {
            scope = run.scope
            startedAt = ReportTime.iso8601(run.startedAt)
            finishedAt = ReportTime.iso8601(run.finishedAt)
            exitCode = run.exitCode
            toolVersion = run.toolVersion
            manifestSHA256 = run.manifestSHA256
            totals = run.totals
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scope, forKey: .scope)
            try container.encode(startedAt, forKey: .startedAt)
            try container.encode(finishedAt, forKey: .finishedAt)
            try container.encode(exitCode, forKey: .exitCode)
            try container.encode(toolVersion, forKey: .toolVersion)
            // null, never left out, like every unknown value of summary.json.
            try container.encode(manifestSHA256, forKey: .manifestSHA256)
            try container.encode(totals, forKey: .totals)
        }
    }

    /// The runs as one JSON array on one line.
    public static func json(_ runs: [RecordedRun]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(runs.map(Entry.init)), as: UTF8.self)
    }

    static let columns = [
        "STARTED (UTC)", "EXIT", "SERVERS", "INCONS.", "ERROR", "NOT VER.", "ACCEPTED", "CONSIST.", "SCOPE",
    ]

    /// The runs as an aligned text table, or a line saying there are none.
    public static func table(_ runs: [RecordedRun], file: String) -> String {
        guard !runs.isEmpty else { return "no runs recorded in \(file)" }
        let rows = runs.map { run -> [String] in
            [ReportTime.iso8601(run.startedAt), "\(run.exitCode)", "\(run.totals.servers)"]
                + RunSummary.Totals.statusKeys.map {
                    "\(run.totals.byStatus[$0] ?? 0)"
                } + [run.scope]
        }
        let all = [columns] + rows
        let widths = columns.indices.map { index in all.map { $0[index].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
