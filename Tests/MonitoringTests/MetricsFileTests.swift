import Foundation
import Monitoring
import ReportModel
import Testing

/// The metrics file: SPEC 8.4's metrics equal to summary.json's values, valid for `promtool check metrics`,
/// replaced atomically, the last success carried over after a failed run.
@Suite struct MetricsFileTests {
    private func summary(exitCode: Int, finished: TimeInterval) -> RunSummary {
        var summary = RunSummary(
            toolVersion: "1.0.0", exitCode: exitCode, startedAt: Date(timeIntervalSince1970: finished - 90),
            finishedAt: Date(timeIntervalSince1970: finished))
        summary.totals.byStatus = ["inconsistent": 2, "error": 1, "not_verified": 0, "accepted": 3, "consistent": 40]
        summary.totals.totalFiles = 12_345
        summary.totals.different = 7
        summary.totals.missing = 5
        summary.totals.extra = 1
        return summary
    }

    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The samples of a text-format file by their series (`name{labels}`).
    private func samples(_ text: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            // The value follows the last space; a label value may hold spaces.
            guard let space = line.lastIndex(of: " ") else { continue }
            result[String(line[..<space])] = Double(line[line.index(after: space)...])
        }
        return result
    }

    @Test func valuesEqualTheSummarys() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = MetricsFile(file: dir.appendingPathComponent("smsreport.prom"), scope: #"sms "prod"\nightly"#)
        let figures = MetricsFile.RunFigures(
            tasksFetched: 44, tasksFailed: 2, requests: ["200": 90, "429": 3, "none": 1])
        #expect(file.write(summary(exitCode: 0, finished: 1_790_000_000), figures: figures) == nil)
        let text = try String(contentsOf: file.file, encoding: .utf8)
        let scope = #"scope="sms \"prod\"\\nightly""#
        let values = samples(text)
        #expect(values["smsreport_last_run_timestamp_seconds{\(scope)}"] == 1_790_000_000)
        #expect(values["smsreport_last_success_timestamp_seconds{\(scope)}"] == 1_790_000_000)
        #expect(values["smsreport_last_exit_code{\(scope)}"] == 0)
        #expect(values["smsreport_run_duration_seconds{\(scope)}"] == 90)
        #expect(values["smsreport_servers{\(scope),status=\"inconsistent\"}"] == 2)
        #expect(values["smsreport_servers{\(scope),status=\"consistent\"}"] == 40)
        #expect(values["smsreport_tasks{\(scope),result=\"failed\"}"] == 2)
        #expect(values["smsreport_files{\(scope),kind=\"total\"}"] == 12_345)
        #expect(values["smsreport_files{\(scope),kind=\"extra\"}"] == 1)
        #expect(values["smsreport_requests{\(scope),code=\"none\"}"] == 1)
        #expect(values["smsreport_requests{\(scope),code=\"429\"}"] == 3)
        for name in ["last_run_timestamp_seconds", "servers", "tasks", "files", "requests"] {
            #expect(text.contains("# TYPE smsreport_\(name) gauge\n"))
            #expect(text.contains("# HELP smsreport_\(name) "))
        }
        // Nothing but the file is left in the folder: the temporary file was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["smsreport.prom"])
        try await PromTool.check(file.file)
    }

    @Test func theLastSuccessIsCarriedOverAfterAFailedRun() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = MetricsFile(file: dir.appendingPathComponent("smsreport.prom"), scope: "prod")
        #expect(file.write(summary(exitCode: 3, finished: 1_790_000_000), figures: .init()) == nil)
        #expect(file.write(summary(exitCode: 4, finished: 1_790_086_400), figures: .init()) == nil)
        let values = samples(try String(contentsOf: file.file, encoding: .utf8))
        #expect(values["smsreport_last_success_timestamp_seconds{scope=\"prod\"}"] == 1_790_000_000)
        #expect(values["smsreport_last_run_timestamp_seconds{scope=\"prod\"}"] == 1_790_086_400)
        #expect(values["smsreport_last_exit_code{scope=\"prod\"}"] == 4)
        try await PromTool.check(file.file)
    }

    @Test func noEarlierSuccessIsZero() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = MetricsFile(file: dir.appendingPathComponent("m.prom"), scope: "prod")
        #expect(file.write(summary(exitCode: 1, finished: 1_790_000_000), figures: .init()) == nil)
        let values = samples(try String(contentsOf: file.file, encoding: .utf8))
        #expect(values["smsreport_last_success_timestamp_seconds{scope=\"prod\"}"] == 0)
    }

    @Test func anUnwritableFolderIsAWarning() {
        let file = MetricsFile(file: URL(fileURLWithPath: "/nonexistent-smsreport/m.prom"), scope: "prod")
        let warning = file.write(summary(exitCode: 0, finished: 1_790_000_000), figures: .init())
        #expect(warning?.code == .metricsFailed)
        #expect(warning?.message.hasPrefix("/nonexistent-smsreport/m.prom: cannot be written") == true)
    }
}

/// `promtool check metrics`, from Debian's `prometheus` package: required in CI, skipped elsewhere when missing.
enum PromTool {
    /// Runs `promtool check metrics` on `file` and expects no complaint.
    static func check(_ file: URL) async throws {
        let paths = ["/usr/bin/promtool", "/usr/local/bin/promtool"]
        guard let promtool = paths.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("promtool is missing (Debian package prometheus)")
            }
            return
        }
        let report = file.deletingLastPathComponent().appendingPathComponent("promtool-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: report.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        process.standardInput = try FileHandle(forReadingFrom: file)
        process.standardOutput = try FileHandle(forWritingTo: report)
        process.standardError = try FileHandle(forWritingTo: report)
        // Waited for without blocking a thread, so other tests' tasks go on.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(status == 0, "promtool check metrics: \(text)")
        #expect(text.isEmpty, "promtool check metrics: \(text)")
    }
}
