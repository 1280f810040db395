import Foundation
import SMSMock
import TestSupport
import Testing

/// SPEC 8.2 "One run per folder" and SPEC 8.5 `{date}`/`{time}` on the built binary.
@Suite struct RunFolderLockEndToEndTests {
    /// A second run into the folder a slow first run is writing stops at once with exit 1, naming the first
    /// run's pid; the first run is not disturbed and publishes its set.
    @Test func anOverlappingRunStopsAtOnceNamingTheHolder() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 12, seed: 31)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let out = folder.appendingPathComponent("out")
        let lockFile = folder.appendingPathComponent(".out.smsreport-lock")
        let environment = ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token]
        let ((first, second), _) = try await EndToEndTests.withMock(
            world, faults: MockFaults(latency: .milliseconds(250))
        ) {
            endpoint in
            let arguments = [
                "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                "--concurrency", "1", "--no-export", "--quiet",
            ]
            async let first = CommandRunner.run(arguments, environment: environment)
            // The first run writes its pid into the lock file once it holds the lock, before any request.
            var holder: String?
            for _ in 0..<200 where holder == nil {
                try await Task.sleep(for: .milliseconds(25))
                holder = (try? String(contentsOf: lockFile, encoding: .utf8))?.trimmingCharacters(in: .newlines)
                if holder?.isEmpty == true { holder = nil }
            }
            let second = try await CommandRunner.run(arguments + ["--json"], environment: environment)
            return (try await first, (second, holder))
        }
        let (overlapping, holder) = second
        #expect(holder != nil)
        #expect(overlapping.exitCode == 1, "\(overlapping.stderr)")
        #expect(overlapping.seconds < 5)
        #expect(overlapping.stderr.contains("another smsreport run (pid \(holder ?? "?")) is writing \(out.path)"))
        let line = try OutputFolderEndToEndTests.jsonLine(overlapping.stdout)
        #expect((line["error"] as? String)?.hasPrefix("another smsreport run (pid ") == true)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(OutputFolderEndToEndTests.files(out).contains("summary.json"))
    }

    /// `--out` with `{date}` and `{time}` expands in the zone `TZ` names, not in UTC.
    @Test func theOutputPathExpandsInTheZoneTZNames() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 2, seed: 32)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        // UTC+14: the local date differs from UTC's for most of the day.
        let zone = try #require(TimeZone(identifier: "Pacific/Kiritimati"))
        let dates = { () -> String in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        }
        let before = dates()
        let result = try await CommandRunner.run(
            [
                "run", "--manifest", manifest.path, "--endpoint", "http://127.0.0.1:1", "--dry-run",
                "--out", folder.appendingPathComponent("reports/{date}/{time}").path,
            ],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token, "TZ": "Pacific/Kiritimati"])
        let after = dates()
        #expect(result.exitCode == 0, "\(result.stderr)")
        let expected = [before, after].map { folder.appendingPathComponent("reports/\($0)/").path }
        let outputLine = result.stdout.split(separator: "\n").first { $0.hasPrefix("output: ") } ?? ""
        #expect(expected.contains { outputLine.hasPrefix("output: \($0)") }, "\(result.stdout)")
        #expect(!outputLine.contains("{date}") && !outputLine.contains("{time}"))
        // The time is six digits, HHMMSS.
        let time = outputLine.dropFirst("output: ".count).split(separator: "/").last.map(String.init) ?? ""
        #expect(time.split(separator: " ").first.map { $0.count == 6 && $0.allSatisfy(\.isNumber) } == true)
    }
}
