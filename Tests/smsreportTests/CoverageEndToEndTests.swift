import Foundation
import ReportModel
import SMSMock
import TestSupport
import Testing

/// `--coverage` on the built binary against the mock (SPEC 9): the account's tasks the manifest lacks and the
/// manifest's tasks the account does not list, in summary.json, results.json, the HTML and the CSV, in both
/// languages; `render` shows the same from results.json.
@Suite struct CoverageEndToEndTests {
    static let world = MockWorld.synthetic(taskCount: 12, seed: 23)

    static func summary(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test func theManifestsGapsReachEveryReportInBothLanguages() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The mock's manifest without its last two tasks, as `mock-server --write-manifest --extra-tasks 2` writes.
        let manifest = folder.appendingPathComponent("tasks.csv")
        try Self.world.manifestCSV(leavingOut: 2).write(to: manifest, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (result, counters) = try await EndToEndTests.withMock(Self.world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--coverage", "--fail-on", "uncovered", "--endpoint",
                    endpoint.absoluteString, "--out", out.path, "--format", "csv,html", "--name", "r", "--no-export",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        }
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(
            result.stdout.contains("; coverage: 2 tasks of the account not in the manifest, 0 tasks of the manifest"))
        #expect(counters.requestsPerRoute["list-tasks"] == 1)
        #expect(counters.requestsPerRoute["consistency-result"] == 10)
        let forgotten = Self.world.tasks.suffix(2)
        let coverage = try Self.summary(out)["coverage"] as? [String: Any]
        #expect(coverage?["listed"] as? Int == 12)
        #expect(coverage?["not_listed"] as? [String] == [])
        let missing = coverage?["not_in_manifest"] as? [[String: String]]
        #expect(
            missing == forgotten.map { ["task_id": $0.id, "source_name": $0.sourceName, "state": $0.state] })

        let html = try String(contentsOf: out.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"coverage\"") && html.contains("Not in this report"))
        for task in forgotten { #expect(html.contains(task.id)) }
        let rows = try EndToEndTests.csvRows(out.appendingPathComponent("r-coverage.csv"))
        #expect(rows.first == ["Gap", "Task ID", "Source server", "Task state"])
        #expect(rows.dropFirst().map { $0[1] } == forgotten.map(\.id))
        #expect(rows.dropFirst().allSatisfy { $0[0] == "Not in the manifest" })

        // Offline, in Chinese: results.json carries the check, so `render` shows it too.
        let rendered = folder.appendingPathComponent("zh")
        let render = try await CommandRunner.run([
            "render", "--results", out.appendingPathComponent("results.json").path, "--out", rendered.path,
            "--language", "zh-cn", "--format", "csv,html", "--name", "z",
        ])
        #expect(render.exitCode == 0, "\(render.stderr)")
        let zhHTML = try String(contentsOf: rendered.appendingPathComponent("z.html"), encoding: .utf8)
        #expect(zhHTML.contains("未纳入本报告") && zhHTML.contains(forgotten.last!.id))
        let zhRows = try EndToEndTests.csvRows(rendered.appendingPathComponent("z-coverage.csv"))
        #expect(zhRows.first?.first == "差异" && zhRows.count == 3 && zhRows[1][0] == "不在清单中")
        let zhCoverage = try Self.summary(rendered)["coverage"] as? [String: Any]
        #expect(zhCoverage?["listed"] as? Int == 12)
    }

    @Test func aManifestTaskTheAccountDoesNotListIsNamed() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("tasks.csv")
        try (Self.world.manifestCSV() + "\"t-unknown\",\"s-unknown\",\"old-server\"\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("smsreport.yaml")
        try """
        coverage: true
        reports:
          - name: zh
            language: zh-cn
            formats: [csv, html]
        """.write(to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (result, _) = try await EndToEndTests.withMock(Self.world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--config", config.path, "--endpoint", endpoint.absoluteString,
                    "--out", out.path, "--no-export", "--fail-on", "uncovered",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        }
        // The unknown task's results cannot be obtained (exit 4); nothing the manifest lacks, so uncovered holds not.
        #expect(result.exitCode == 4, "\(result.stderr)")
        let coverage = try Self.summary(out)["coverage"] as? [String: Any]
        #expect(coverage?["not_listed"] as? [String] == ["t-unknown"])
        #expect((coverage?["not_in_manifest"] as? [Any])?.isEmpty == true)
        let html = try String(contentsOf: out.appendingPathComponent("zh.html"), encoding: .utf8)
        #expect(html.contains("清单中有、账号未列出的任务") && html.contains("old-server"))
        let rows = try EndToEndTests.csvRows(out.appendingPathComponent("zh-coverage.csv"))
        #expect(rows.dropFirst().map { $0 } == [["账号未列出", "t-unknown", "old-server", ""]])
    }

    @Test func withoutCoverageThereIsNone() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("tasks.csv")
        try Self.world.manifestCSV(leavingOut: 2).write(to: manifest, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (result, counters) = try await EndToEndTests.withMock(Self.world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--fail-on", "uncovered", "--endpoint", endpoint.absoluteString,
                    "--out", out.path, "--format", "csv", "--name", "r", "--no-export",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(counters.requestsPerRoute["list-tasks"] == nil)
        #expect(try Self.summary(out)["coverage"] is NSNull)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("r-coverage.csv").path))
    }

    @Test func coverageWithDiscoveryIsAUsageError() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let flag = try await CommandRunner.run(["run", "--discover", "--coverage", "--endpoint", "http://127.0.0.1:1"])
        #expect(flag.exitCode == 2 && flag.stderr.contains("--coverage"), "\(flag.stderr)")
        let config = folder.appendingPathComponent("smsreport.yaml")
        try "coverage: true\ndiscover: true\n".write(to: config, atomically: true, encoding: .utf8)
        let configured = try await CommandRunner.run(
            ["run", "--config", config.path, "--endpoint", "http://127.0.0.1:1"],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        #expect(configured.exitCode == 2 && configured.stderr.contains("coverage"), "\(configured.stderr)")
    }

    @Test func aDryRunSaysItWouldListAndCallsNothing() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("tasks.csv")
        try Self.world.manifestCSV().write(to: manifest, atomically: true, encoding: .utf8)
        let (result, counters) = try await EndToEndTests.withMock(Self.world) { endpoint in
            try await CommandRunner.run(
                ["run", "--manifest", manifest.path, "--coverage", "--endpoint", endpoint.absoluteString, "--dry-run"],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token], directory: folder)
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("coverage: the account's tasks would be listed (pages of 200)"))
        #expect(counters.totalRequests == 0)
    }
}
