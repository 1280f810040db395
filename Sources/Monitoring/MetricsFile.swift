import Foundation
import Prometheus
import ReportModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--metrics-file` (SPEC 8.4): a run's figures in Prometheus' text format for node_exporter's textfile
/// collector, written with swift-prometheus and replaced atomically, the last success carried over.
public struct MetricsFile: Sendable {
    /// The file to replace.
    public var file: URL
    /// The run's scope, the `scope` label of every sample.
    public var scope: String

    /// The metrics file at `file` for runs of `scope`.
    public init(file: URL, scope: String) {
        self.file = file
        self.scope = scope
    }

    /// What a run did besides its summary: its tasks' outcomes and its answers by HTTP status.
    public struct RunFigures: Sendable, Hashable {
        /// Tasks whose results were obtained.
        public var tasksFetched: Int
        /// Tasks whose results could not be obtained.
        public var tasksFailed: Int
        /// Answers by HTTP status (`"200"`, `"429"`, …; `"none"`: no answer).
        public var requests: [String: Int]

        /// Figures for one run.
        public init(tasksFetched: Int = 0, tasksFailed: Int = 0, requests: [String: Int] = [:]) {
            self.tasksFetched = tasksFetched
            self.tasksFailed = tasksFailed
            self.requests = requests
        }
    }

    /// Replaces the file for the run `summary` ended with; nil when written, else a `metrics_failed` warning.
    public func write(_ summary: RunSummary, figures: RunFigures, now: Date = Date()) -> RunSummary.Warning? {
        let text = render(summary, figures: figures, now: now)
        do {
            try Self.replace(file, with: Data(text.utf8))
            return nil
        } catch {
            return RunSummary.Warning(.metricsFailed, "\(file.path): cannot be written (\(error.localizedDescription))")
        }
    }

    /// The file's text: every metric of SPEC 8.4 with `# HELP` and `# TYPE gauge`, labelled `scope`.
    public func render(_ summary: RunSummary, figures: RunFigures, now: Date = Date()) -> String {
        let registry = PrometheusCollectorRegistry()
        let scopeLabel = ("scope", scope)
        func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = [], _ value: Double) {
            // The whole name is ours (an empty unit adds nothing to it).
            let descriptor = MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
            registry.makeGauge(descriptor: descriptor, labels: [scopeLabel] + labels).set(value)
        }
        let ended = summary.finishedAt ?? now
        let succeeded = [0, 3].contains(summary.exitCode)
        let lastSuccess = succeeded ? ended.timeIntervalSince1970 : (earlierLastSuccess() ?? 0)
        gauge(
            "smsreport_last_run_timestamp_seconds", "When the last run ended, in Unix seconds.", [],
            ended.timeIntervalSince1970.rounded(.down))
        gauge(
            "smsreport_last_success_timestamp_seconds",
            "When the last run that ended with exit code 0 or 3 ended, in Unix seconds (0: none yet).", [],
            lastSuccess.rounded(.down))
        gauge("smsreport_last_exit_code", "The exit code of the last run.", [], Double(summary.exitCode))
        let duration = summary.startedAt.map { ended.timeIntervalSince($0) } ?? 0
        gauge("smsreport_run_duration_seconds", "How long the last run took, in seconds.", [], max(0, duration))
        for status in RunSummary.Totals.statusKeys {
            gauge(
                "smsreport_servers", "Servers per status in the last run.", [("status", status)],
                Double(summary.totals.byStatus[status, default: 0]))
        }
        for (result, count) in [("fetched", figures.tasksFetched), ("failed", figures.tasksFailed)] {
            gauge(
                "smsreport_tasks", "Tasks whose results were fetched or not in the last run.", [("result", result)],
                Double(count))
        }
        let files = [
            ("total", summary.totals.totalFiles), ("different", summary.totals.different),
            ("missing", summary.totals.missing), ("extra", summary.totals.extra),
        ]
        for (kind, count) in files {
            gauge("smsreport_files", "Files compared in the last run, by kind.", [("kind", kind)], Double(count))
        }
        for (code, count) in figures.requests.sorted(by: { $0.key < $1.key }) {
            gauge(
                "smsreport_requests", "The last run's API answers by HTTP status (none: no answer).", [("code", code)],
                Double(count))
        }
        return registry.emitToString()
    }

    /// The last success the earlier file recorded for this scope, nil when there is none or no file.
    func earlierLastSuccess() -> Double? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let prefix = "smsreport_last_success_timestamp_seconds{scope=\"\(Self.labelEscaped(scope))\"}"
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            if let value = Double(line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)), value.isFinite {
                return value
            }
        }
        return nil
    }

    /// A label value as the text format escapes it (backslash, double quote, line feed).
    static func labelEscaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Writes `data` to a temporary file in `file`'s folder and renames it over `file`, so the collector never
    /// reads half a file.
    static func replace(_ file: URL, with data: Data) throws {
        let folder = file.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).smsreport-tmp-\(getpid())")
        do {
            try data.write(to: temporary)
            // The textfile collector runs as another user: the file must be readable by it.
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temporary.path)
            guard rename(temporary.path, file.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
