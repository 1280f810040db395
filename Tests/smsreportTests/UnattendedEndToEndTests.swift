import Foundation
import SMSMock
import TestSupport
import Testing

/// SPEC 8.2 and 8.5 on the built binary: a night survives its side features, and a config holds the whole job.
@Suite struct UnattendedEndToEndTests {
    static func summary(_ out: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: out.appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func warningCodes(_ summary: [String: Any]) -> [String] {
        ((summary["warnings"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }

    /// cron as an unprivileged user whose home does not exist, with no HOME or XDG variables: the default
    /// history cannot be made, and the night still gets its reports (a `history_unavailable` warning, exit 0).
    @Test func aUserWithoutAHomeStillGetsTheReports() async throws {
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv.path) else {
            // Tests run as root in CI, where this check must run.
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI runs as root with setpriv")
            return
        }
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let world = MockWorld.synthetic(taskCount: 6, seed: 81)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: manifest.path)
        let out = folder.appendingPathComponent("out")
        let (result, _) = try await EndToEndTests.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "--reuid=nobody", "--regid=nogroup", "--clear-groups", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin",
                    "HUAWEICLOUD_AUTH_TOKEN=\(EndToEndTests.token)", CommandRunner.binary.path, "run", "--manifest",
                    manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path, "--format", "csv",
                    "--no-export", "--json",
                ], executable: setpriv)
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("consistency-en-us.csv").path))
        let summary = try Self.summary(out)
        #expect(Self.warningCodes(summary) == ["history_unavailable"])
        let history = try #require(summary["history"] as? [String: Any])
        #expect(history["recorded"] as? Bool == false)
        #expect(result.stderr.contains("history unavailable"))
    }

    /// `run --config FILE` alone: `manifest:` relative to the config, `out:` with `{date}`, `keep:` pruning the
    /// oldest folders of the same scope and listing them in `pruned`, a foreign folder untouched; a `notify:`
    /// receiver that answers 500 is a `notify_failed` warning, never a changed exit code.
    @Test func aConfigHoldsTheWholeJob() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 5, seed: 82)
        _ = try EndToEndTests.manifest(world, in: folder)
        let reports = folder.appendingPathComponent("reports")
        let foreign = reports.appendingPathComponent("keep-me")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        // A receiver that fails every message: the night's reports and exit code must not notice.
        let receiver = try ScriptedHTTPServer { _ in .init(status: 500, body: #"{"error":"down"}"#) }
        defer { receiver.stop() }
        let hook = "\(receiver.endpoint)/hook/secret-token-3141"
        let config = folder.appendingPathComponent("job.yaml")
        let (results, _) = try await EndToEndTests.withMock(world) { endpoint in
            var results: [CommandRunner.Result] = []
            for night in ["night-1", "night-2", "night-3-{date}"] {
                try """
                manifest: tasks.csv
                endpoint: \(endpoint.absoluteString)
                out: \(reports.path)/\(night)
                keep: 2
                notify:
                  - type: webhook
                    url: \(hook)
                    on: always
                reports:
                  - name: job
                    language: zh-cn
                    formats: [csv]
                """.write(to: config, atomically: true, encoding: .utf8)
                results.append(
                    try await CommandRunner.run(
                        ["run", "--config", config.path, "--no-export", "--json"],
                        environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token, "TZ": "Asia/Shanghai"],
                        directory: URL(fileURLWithPath: "/")))
            }
            return results
        }
        for result in results { #expect(result.exitCode == 0, "\(result.stderr)") }
        let third = try #require(
            try FileManager.default.contentsOfDirectory(atPath: reports.path).first { $0.hasPrefix("night-3-") })
        #expect(third.count == "night-3-".count + 10 && third.hasPrefix("night-3-20"))
        let summary = try Self.summary(reports.appendingPathComponent(third))
        #expect(summary["pruned"] as? [String] == [reports.appendingPathComponent("night-1").path])
        #expect(Self.warningCodes(summary) == ["notify_failed"])
        #expect(!FileManager.default.fileExists(atPath: reports.appendingPathComponent("night-1").path))
        #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent("night-2/summary.json").path))
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("notes.txt").path))
        for result in results {
            #expect(!result.stdout.contains("secret-token-3141") && !result.stderr.contains("secret-token-3141"))
        }
    }
}
