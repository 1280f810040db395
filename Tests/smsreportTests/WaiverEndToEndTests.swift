import Foundation
import ReportModel
import TestSupport
import Testing

/// Accepted differences and `--fail-on` on the built binary, offline with `render`: the waivers change the
/// statuses, summary.json and the exit code, while results.json stays the raw truth.
@Suite struct WaiverEndToEndTests {
    /// 2027-03-31T16:30:00Z: still the 31st in UTC, already April 1st in Shanghai.
    static let epoch = "1806510600"

    static func results(in folder: URL) throws -> URL {
        let directory = { (path: String, different: Int) in
            DirectoryResult(path: path, counts: FileCounts(total: 20, different: different))
        }
        let snapshot = ResultsSnapshot(
            run: RunMetadata(
                toolVersion: "test", startedAt: Date(timeIntervalSince1970: 1_806_500_000),
                finishedAt: Date(timeIntervalSince1970: 1_806_500_060), endpointHost: "sms.example.test",
                manifest: ManifestInfo(name: "tasks.csv", sha256: String(repeating: "a", count: 64), taskCount: 3),
                languages: [.enUS]),
            tasks: [
                TaskRecord(
                    taskID: "t1", sourceID: "id-web", sourceName: "web-1",
                    directories: [directory("/var/log/nginx", 4), directory("/etc", 0)]),
                TaskRecord(taskID: "t2", sourceID: "id-db", sourceName: "db-1", directories: [directory("/data", 2)]),
                TaskRecord(taskID: "t3", sourceID: "id-ok", sourceName: "ok-1", directories: [directory("/", 0)]),
            ])
        let url = folder.appendingPathComponent("results.json")
        try snapshot.jsonData().write(to: url)
        return url
    }

    static let waivers = """
        waivers:
          - id: var-log
            directory: "/var/log*"
            reason: Logs change after cutover
            approved_by: Li Wei
            expires: 2027-03-31
          - id: old
            directory: /tmp*
            reason: gone
            expires: 2020-01-01
          - id: spare
            directory: /nothing
            server: "db-*"
            expires: 2099-12-31
        """

    static func render(_ extra: [String], folder: URL, epoch: String = epoch) async throws -> (
        CommandRunner.Result, [String: Any]
    ) {
        let out = folder.appendingPathComponent("out-\(UUID().uuidString)")
        let result = try await CommandRunner.run(
            [
                "render", "--results", folder.appendingPathComponent("results.json").path, "--out", out.path,
                "--format", "csv,junit", "--name", "r",
            ] + extra,
            environment: ["SOURCE_DATE_EPOCH": epoch])
        let junit = out.appendingPathComponent("r-junit.xml")
        if FileManager.default.fileExists(atPath: junit.path) {
            #expect(JUnitSchema.problems(in: junit) == [], "r-junit.xml against junit-10.xsd")
        }
        let data = (try? Data(contentsOf: out.appendingPathComponent("summary.json"))) ?? Data("{}".utf8)
        return (result, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
    }

    @Test func waiversAcceptTheirDirectoriesAndFailOnDecidesTheExit() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.results(in: folder)
        let waiverFile = folder.appendingPathComponent("waivers.yaml")
        try Self.waivers.write(to: waiverFile, atomically: true, encoding: .utf8)

        let (plain, summary) = try await Self.render(["--waivers", waiverFile.path], folder: folder)
        #expect(plain.exitCode == 0, "\(plain.stderr)")
        let totals = summary["totals"] as? [String: Any]
        let byStatus = totals?["by_status"] as? [String: Int]
        #expect(byStatus == ["inconsistent": 1, "error": 0, "not_verified": 0, "accepted": 1, "consistent": 1])
        #expect(totals?["different"] as? Int == 6, "accepted directories keep their counts")
        let waivers = summary["waivers"] as? [String: Any]
        #expect(waivers?["applied"] as? Int == 1)
        #expect(waivers?["expired"] as? [String] == ["old"])
        #expect(waivers?["unused"] as? [String] == ["spare"])

        // Exit 3 for each condition that holds; not for one that does not.
        for (flags, expected) in [
            (["--fail-on", "inconsistent"], Int32(3)), (["--fail-on-inconsistent"], 3),
            (["--fail-on", "expired-waiver"], 3), (["--fail-on", "error,not-verified"], 0),
            (["--fail-on", "new-inconsistent"], 0), (["--fail-on", "error", "--fail-on", "expired-waiver"], 3),
        ] {
            let (result, json) = try await Self.render(["--waivers", waiverFile.path] + flags, folder: folder)
            #expect(result.exitCode == expected, "\(flags): \(result.stderr)")
            #expect(json["exit_code"] as? Int == Int(expected), "\(flags)")
        }
        let (bad, _) = try await Self.render(
            ["--waivers", waiverFile.path, "--fail-on", "inconsistent,sometimes"], folder: folder)
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("sometimes") && bad.stderr.contains("expired-waiver"), "\(bad.stderr)")
    }

    /// Missing results (exit 4) win over a --fail-on condition that holds (exit 3).
    @Test func missingResultsWinOverFailOn() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.results(in: folder)
        var snapshot = try ResultsSnapshot(jsonData: Data(contentsOf: url))
        snapshot.tasks.append(
            TaskRecord(
                taskID: "t4", sourceID: "id-gone", sourceName: "gone",
                error: TaskError(kind: .http, message: "no", httpStatus: 404)))
        try snapshot.jsonData().write(to: url)
        let (result, json) = try await Self.render(["--fail-on", "inconsistent,error"], folder: folder)
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(json["exit_code"] as? Int == 4)
    }

    /// In Shanghai the same instant is already past the waiver's last day: the server is inconsistent again.
    @Test func expiryFollowsTheReportsTimeZone() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.results(in: folder)
        let waiverFile = folder.appendingPathComponent("waivers.yaml")
        try Self.waivers.write(to: waiverFile, atomically: true, encoding: .utf8)
        let (utc, utcSummary) = try await Self.render(["--waivers", waiverFile.path], folder: folder)
        #expect(utc.exitCode == 0)
        #expect(((utcSummary["waivers"] as? [String: Any])?["expired"] as? [String]) == ["old"])
        let (shanghai, summary) = try await Self.render(
            ["--waivers", waiverFile.path, "--timezone", "Asia/Shanghai", "--fail-on", "inconsistent"], folder: folder)
        #expect(shanghai.exitCode == 3, "\(shanghai.stderr)")
        #expect(((summary["waivers"] as? [String: Any])?["expired"] as? [String]) == ["var-log", "old"])
        #expect(((summary["totals"] as? [String: Any])?["by_status"] as? [String: Int])?["inconsistent"] == 2)
    }

    @Test func anInvalidWaiverFileIsAUsageErrorNamingItsLine() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.results(in: folder)
        let waiverFile = folder.appendingPathComponent("bad.yaml")
        try """
        waivers:
          - id: a
            directory: "/var/[log"
            expires: 2027-13-01
            colour: red
          - id: a
            reason: no directory
        """.write(to: waiverFile, atomically: true, encoding: .utf8)
        let (result, _) = try await Self.render(["--waivers", waiverFile.path], folder: folder)
        #expect(result.exitCode == 2)
        for line in [
            "bad.yaml:3: directory: '/var/[log' has a [ without its ]",
            "bad.yaml:4: expires '2027-13-01' is not a date",
            "bad.yaml:5: unknown waiver setting 'colour'", "bad.yaml:6: waiver id 'a' is used twice",
            "bad.yaml:6: a waiver needs directory", "bad.yaml:6: a waiver needs expires",
        ] {
            #expect(result.stderr.contains(line), "\(line) in \(result.stderr)")
        }
    }
}
