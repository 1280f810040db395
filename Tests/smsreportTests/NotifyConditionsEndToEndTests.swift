import Foundation
import SMSMock
import TestSupport
import Testing

/// SPEC 8.3's four conditions across nights of the mock's changing world (`--world-epoch`), on the built binary:
/// each `notify:` entry sends after publishing exactly when its condition holds for that night.
@Suite struct NotifyConditionsEndToEndTests {
    /// The requests a receiver got, by path.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []

        func add(_ line: String) {
            let path = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            lock.withLock { paths.append(path) }
        }

        /// The paths received since the last call.
        func drain() -> [String] {
            lock.withLock {
                defer { paths = [] }
                return paths.sorted()
            }
        }
    }

    @Test func eachConditionSendsOnTheNightsItHolds() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let received = Received()
        let receiver = try ScriptedHTTPServer { request in
            received.add(request.line)
            return .init(status: 200, body: "{}")
        }
        defer { receiver.stop() }
        let base = MockWorld.synthetic(taskCount: 40, seed: 7)
        let manifest = try EndToEndTests.manifest(base, in: folder)
        let config = folder.appendingPathComponent("job.yaml")
        let entries = ["always", "problems", "changes", "failure"].map {
            "  - type: webhook\n    url: \(receiver.endpoint)/\($0)\n    on: \($0)\n"
        }
        try ("history_scope: notify-e2e\nnotify:\n" + entries.joined()).write(
            to: config, atomically: true, encoding: .utf8)
        // Night 3 sees the same world as night 2: nothing changed.
        for (night, world) in [base.atEpoch(1), base.atEpoch(2), base.atEpoch(2)].enumerated() {
            let out = folder.appendingPathComponent("night-\(night)")
            let (result, _) = try await EndToEndTests.withMock(world) { endpoint in
                try await CommandRunner.run(
                    [
                        "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                        "--config", config.path, "--history", folder.appendingPathComponent("h.sqlite").path,
                        "--format", "csv", "--no-export",
                    ],
                    environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
            }
            #expect(result.exitCode == 0, "\(result.stderr)")
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                    as? [String: Any])
            let byStatus = try #require((summary["totals"] as? [String: Any])?["by_status"] as? [String: Int])
            let changes = try #require(summary["changes"] as? [String: Any])
            let changed = ["newly_inconsistent", "resolved", "new_servers", "gone"].contains {
                !((changes[$0] as? [String]) ?? []).isEmpty
            }
            let problems =
                byStatus["inconsistent", default: 0] + byStatus["error", default: 0]
                + byStatus["not_verified", default: 0] > 0
            var expected = ["/always"]
            if problems { expected.append("/problems") }
            if night == 1 { expected.append("/changes") }
            #expect(received.drain() == expected.sorted(), "night \(night + 1)")
            // The world's flips make night 2 a night of changes and night 3 a quiet one.
            #expect(changed == (night == 1), "night \(night + 1): \(changes)")
        }
    }
}
