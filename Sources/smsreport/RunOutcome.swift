import ArgumentParser
import Foundation
import ReportModel

/// What a finished run produced, its exit code and its one-line (or JSON) summary for stdout.
struct RunOutcome {
    let aggregate: ConsistencySummary
    let snapshot: ResultsSnapshot
    /// `summary.json` as written, with every file of the run.
    let summary: RunSummary
    let outputFolder: URL

    var failedExports: Int { snapshot.exports.filter { $0.error != nil }.count }

    /// The exit code decided when the run was published (``exitCode(_:snapshot:changes:failOn:)``), as written in
    /// `summary.json`.
    var exitCode: Int32 { Int32(summary.exitCode) }

    /// SPEC 4 and 6: 4 when results or export batches are missing (wins over 3), 3 when a `--fail-on` condition
    /// holds, else 0.
    static func exitCode(
        _ aggregate: ConsistencySummary, snapshot: ResultsSnapshot, changes: RunSummary.Changes,
        failOn: Set<FailCondition>
    ) -> Int32 {
        if aggregate.totals.failedTaskCount > 0 || snapshot.exports.contains(where: { $0.error != nil }) { return 4 }
        if !FailCondition.holding(failOn, summary: aggregate, changes: changes).isEmpty { return 3 }
        return 0
    }

    /// `smsreport: 48 tasks, 45 servers: 5 inconsistent, 1 error, 2 not verified, 37 consistent; reports in out/`.
    var line: String {
        let totals = aggregate.totals
        var text =
            "smsreport: \(Words.count(totals.taskCount, "task")), \(Words.count(totals.serverCount, "server")): "
            + ServerStatus.allCases.map {
                "\(totals.servers($0)) \($0.rawValue.replacingOccurrences(of: "_", with: " "))"
            }
            .joined(separator: ", ")
        if totals.failedTaskCount > 0 {
            text += "; \(Words.count(totals.failedTaskCount, "task")) without results"
        }
        if failedExports > 0 { text += "; \(Words.count(failedExports, "export batch", "export batches")) failed" }
        return text + "; reports in \(outputFolder.path) (exit \(exitCode))"
    }
}

extension RunOutcome {
    /// Prints the outcome as the last stdout line (the summary line, or with `--json` the summary.json object)
    /// and throws its exit code when it is not 0.
    func finish(json: Bool) throws {
        if json {
            RunRecord.shared.printFinished(summary)
        } else {
            Console.printLine(line)
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
