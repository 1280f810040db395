import Foundation
import SMSMock
import TestSupport
import Testing

/// Nightly runs against a mock world that changes between nights: history, changes and the trend.
@Suite struct HistoryEndToEndTests {
    /// Each server's status in `world`, keyed as the aggregation keys them (the source ID): inconsistent when
    /// some task differs, else not verified when some task has no result, else consistent.
    static func statuses(_ world: MockWorld) -> [String: String] {
        var statuses: [String: String] = [:]
        for task in world.tasks {
            let status = task.hasDifferences ? "inconsistent" : task.directories.isEmpty ? "not_verified" : "consistent"
            let rank = ["inconsistent": 0, "not_verified": 1, "consistent": 2]
            if let known = statuses[task.sourceID], rank[known]! <= rank[status]! { continue }
            statuses[task.sourceID] = status
        }
        return statuses
    }

    static func summary(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func threeNightsAgainstAChangingWorld() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = MockWorld.synthetic(taskCount: 60, seed: 7)
        let manifest = try EndToEndTests.manifest(base, in: folder)
        let history = folder.appendingPathComponent("state/history.sqlite")
        let config = folder.appendingPathComponent("smsreport.yaml")
        // Every mock listens on its own port; the scope from the config keeps the three nights together.
        try "history_scope: nightly-e2e\n".write(to: config, atomically: true, encoding: .utf8)
        let worlds = [base.atEpoch(1), base.atEpoch(2), base.atEpoch(3)]
        for (night, world) in worlds.enumerated() {
            let out = folder.appendingPathComponent("night-\(night)")
            let (result, _) = try await EndToEndTests.withMock(world) { endpoint in
                try await CommandRunner.run(
                    [
                        "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                        "--config", config.path, "--history", history.path, "--format", "html,csv", "--name", "r",
                    ],
                    environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
            }
            #expect(result.exitCode == 0, Comment(rawValue: result.stderr))
        }
        let first = try Self.summary(folder.appendingPathComponent("night-0"))
        let firstChanges = try #require(first["changes"] as? [String: Any])
        #expect(firstChanges["previous_run"] is NSNull)

        let (before, after) = (Self.statuses(worlds[1]), Self.statuses(worlds[2]))
        func keys(_ test: (String, String) -> Bool) -> [String] {
            after.keys.filter { test(before[$0]!, after[$0]!) }.sorted()
        }
        let expectedNew = keys { $0 != "inconsistent" && $1 == "inconsistent" }
        let expectedResolved = keys { $0 == "inconsistent" && $1 == "consistent" }
        let expectedVerified = keys { $0 == "not_verified" && $1 != "not_verified" }
        #expect(!expectedNew.isEmpty && !expectedResolved.isEmpty)
        let third = try Self.summary(folder.appendingPathComponent("night-2"))
        let changes = try #require(third["changes"] as? [String: Any])
        #expect(changes["previous_run"] is String)
        #expect((changes["newly_inconsistent"] as? [String])?.sorted() == expectedNew)
        #expect((changes["resolved"] as? [String])?.sorted() == expectedResolved)
        #expect((changes["newly_verified"] as? [String])?.sorted() == expectedVerified)
        #expect((changes["new_servers"] as? [String]) == [])
        #expect((changes["gone"] as? [String]) == [])
        let still = try #require(changes["still_inconsistent"] as? [[String: Any]])
        #expect(
            Set(still.compactMap { $0["server"] as? String }) == Set(after.keys.filter { after[$0] == "inconsistent" }))

        let html = try String(contentsOf: folder.appendingPathComponent("night-2/r.html"), encoding: .utf8)
        #expect(html.components(separatedBy: #"<g class="trend-run">"#).count - 1 == 3)
        #expect(html.contains(#"id="changes""#))
        let csv = try EndToEndTests.csvRows(folder.appendingPathComponent("night-2/r-changes.csv"))
        #expect(csv.count - 1 >= expectedNew.count + expectedResolved.count)

        let listing = try await CommandRunner.run(["history", "--history", history.path, "--json"])
        #expect(listing.exitCode == 0, Comment(rawValue: listing.stderr))
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
        #expect(runs.count == 3)
        #expect(runs.allSatisfy { $0["scope"] as? String == "nightly-e2e" && $0["exit_code"] as? Int == 0 })
        #expect(
            runs.allSatisfy { ($0["started_at"] as? String)?.hasSuffix("Z") == true && $0["totals"] is [String: Any] })
        let started = runs.compactMap { $0["started_at"] as? String }
        #expect(started == started.sorted(by: >))
        let table = try await CommandRunner.run(["history", "--history", history.path, "--scope", "nightly-e2e"])
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("STARTED (UTC)") == true)
        #expect(lines.count == 4 && lines.dropFirst().allSatisfy { $0.hasSuffix("nightly-e2e") })
        let text = try await CommandRunner.run(["history", "--history", history.path, "--scope", "other"])
        #expect(text.stdout.contains("no runs recorded"))
    }

    @Test func noHistoryRecordsNothingAndRenderDoesNotRecord() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 5, seed: 3)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let state = folder.appendingPathComponent("xdg")
        let out = folder.appendingPathComponent("out")
        let (result, _) = try await EndToEndTests.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                    "--no-history",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token, "XDG_STATE_HOME": state.path])
        }
        #expect(result.exitCode == 0, Comment(rawValue: result.stderr))
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("smsreport/history.sqlite").path))
        let both = try await CommandRunner.run(
            ["run", "--manifest", manifest.path, "--out", out.path, "--no-history", "--history", "x.sqlite"])
        #expect(both.exitCode == 2 && both.stderr.contains("--no-history"))
        let history = folder.appendingPathComponent("h.sqlite")
        let render = try await CommandRunner.run(
            ["render", "--results", out.appendingPathComponent("results.json").path, "--history", history.path])
        #expect(render.exitCode == 0, Comment(rawValue: render.stderr))
        let listing = try await CommandRunner.run(["history", "--history", history.path, "--json"])
        #expect(listing.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}
