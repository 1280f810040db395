import Foundation
import ReportModel

/// What a finished run produced, its exit code and its one-line (or JSON) summary for stdout.
struct RunOutcome {
    let summary: ConsistencySummary
    let snapshot: ResultsSnapshot
    let files: [URL]
    let outputFolder: URL
    let failOnInconsistent: Bool

    var failedExports: Int { snapshot.exports.filter { $0.error != nil }.count }

    /// SPEC 4: 4 when results or export batches are missing (wins over 3), 3 for inconsistency when asked, else 0.
    var exitCode: Int32 {
        if summary.totals.failedTaskCount > 0 || failedExports > 0 { return 4 }
        if failOnInconsistent && summary.totals.servers(.inconsistent) > 0 { return 3 }
        return 0
    }

    /// `smsreport: 48 tasks, 45 servers: 5 inconsistent, 1 error, 2 not verified, 37 consistent; reports in out/`.
    var line: String {
        let totals = summary.totals
        var text = "smsreport: \(Self.count(totals.taskCount, "task")), \(Self.count(totals.serverCount, "server")): "
            + ServerStatus.allCases.map { "\(totals.servers($0)) \($0.rawValue.replacingOccurrences(of: "_", with: " "))" }
            .joined(separator: ", ")
        if totals.failedTaskCount > 0 {
            text += "; \(Self.count(totals.failedTaskCount, "task")) without results"
        }
        if failedExports > 0 { text += "; \(Self.count(failedExports, "export batch", "export batches")) failed" }
        return text + "; reports in \(outputFolder.path) (exit \(exitCode))"
    }

    /// `1 task`, `2 tasks`.
    private static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// The same facts as one JSON object, for scripts.
    var json: String {
        let totals = summary.totals
        let object: [String: Any] = [
            "exit_code": Int(exitCode),
            "tasks": totals.taskCount,
            "servers": totals.serverCount,
            "servers_by_status": Dictionary(uniqueKeysWithValues: ServerStatus.allCases.map { ($0.rawValue, totals.servers($0)) }),
            "failed_tasks": totals.failedTaskCount,
            "failed_exports": failedExports,
            "directories": totals.directoryCount,
            "files": [
                "total": totals.counts.total, "different": totals.counts.different,
                "missing_on_target": totals.counts.missingOnTarget, "extra_on_target": totals.counts.extraOnTarget,
            ],
            "output": outputFolder.path,
            "written": files.map(\.lastPathComponent),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
