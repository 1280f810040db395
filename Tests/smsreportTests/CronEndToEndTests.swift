import Foundation
import SMSMock
import TestSupport
import Testing

/// The traps of an unattended nightly run, on the built binary: signals, closed pipes, strict manifests,
/// streamed manifests, report flags with a config, and a JSON line for every outcome.
@Suite struct CronEndToEndTests {
    static let environment = OutputFolderEndToEndTests.environment

    /// Runs `script` with bash (`$SMSREPORT` is the binary); returns its status, stdout and stderr.
    static func shell(_ script: String, environment: [String: String] = [:]) async throws -> CommandRunner.Result {
        let base = ["SMSREPORT": CommandRunner.binary.path, "XDG_STATE_HOME": CommandRunner.testStateHome.path]
        return try await CommandRunner.run(
            ["-c", "set -o pipefail; " + script], environment: base.merging(environment) { $1 },
            executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// Starts the binary, sends `signal` once `stderr` shows the collection under way, and waits for its end.
    static func interrupt(_ arguments: [String], signal number: Int32, stderr errURL: URL) async throws -> Int32 {
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token,
            "XDG_STATE_HOME": CommandRunner.testStateHome.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errURL)
        let done = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { done.continuation.yield($0.terminationStatus) }
        try process.run()
        // Mid-way: the results stage has begun (its first progress line), far from its end.
        for _ in 0..<200 {
            let text = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
            if text.contains("stage=collect") || text.contains("stage=results") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(300))
        kill(process.processIdentifier, number)
        var iterator = done.stream.makeAsyncIterator()
        return await iterator.next() ?? -1
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalMidRunStopsItAndLeavesTheEarlierSetIntact(signal number: Int32, expected: Int32) async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let earlier = try await CommandRunner.run(
            ["render", "--results", Fixtures.url("hostile-results.json").path, "--out", out.path, "--format", "csv"])
        #expect(earlier.exitCode == 4, "\(earlier.stderr)")
        var before: [String: Data] = [:]
        for name in OutputFolderEndToEndTests.files(out) {
            before[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        let world = MockWorld.synthetic(taskCount: 20000, seed: 24)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        var faults = MockFaults()
        faults.latency = .milliseconds(5)
        let errURL = folder.appendingPathComponent("stderr.txt")
        let (status, counters) = try await EndToEndTests.withMock(world, faults: faults) { endpoint in
            try await Self.interrupt(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                    "--no-export", "--format", "csv",
                ], signal: number, stderr: errURL)
        }
        let stderr = try String(contentsOf: errURL, encoding: .utf8)
        #expect(status == expected, "\(stderr)")
        #expect(stderr.contains("stopped by \(number == SIGTERM ? "SIGTERM" : "SIGINT")"))
        #expect(counters.requestsPerRoute["consistency-result"] ?? 0 > 0)
        #expect(counters.requestsPerRoute["consistency-result"] ?? 0 < 20000)
        var after: [String: Data] = [:]
        for name in OutputFolderEndToEndTests.files(out) {
            after[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        #expect(after == before)
        // No temporary file and no staging folder anywhere.
        #expect(
            try FolderListing.entries(folder).sorted() == [
                "out", "stderr.txt", "tasks.csv",
            ])
    }

    /// `head -1` closes the pipe after the first line; `true` before the first one, so every write fails.
    @Test(arguments: ["head -1", "true"])
    func aClosedPipeNeverStopsTheReports(reader: String) async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 300, seed: 25)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let out = folder.appendingPathComponent("out")
        let (result, _) = try await EndToEndTests.withMock(world) { endpoint in
            try await Self.shell(
                // The test runner ignores SIGPIPE and children inherit that: restore the default a cron job has.
                "env --default-signal=PIPE \"$SMSREPORT\" run --manifest '\(manifest.path)' "
                    + "--endpoint '\(endpoint.absoluteString)' --out '\(out.path)' --verbose 2>&1 | \(reader)",
                environment: Self.environment)
        }
        #expect(result.exitCode == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == (reader == "true" ? 0 : 1))
        #expect(OutputFolderEndToEndTests.files(out).contains("consistency-en-us.html"))
        let (status, output) = try OutputFolderEndToEndTests.checksums(out)
        #expect(status == 0, "\(output)")
    }

    @Test func strictManifestsStopBeforeAnyRequest() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = [
            ("task_id,source_id,source_name\nt-1,s-1,a\nt-2,s-2,\"b\nt-3,s-3,c\n", "quote.csv:3: unterminated quote"),
            (
                "task_id,source_id,source_id,source_name\nt-1,s-1,s-2,a\n",
                "dup.csv:1: the header names column 'source_id' twice"
            ),
        ]
        let world = MockWorld.synthetic(taskCount: 3, seed: 26)
        let (results, counters) = try await EndToEndTests.withMock(world) { endpoint in
            var results: [CommandRunner.Result] = []
            for (index, (text, _)) in cases.enumerated() {
                let url = folder.appendingPathComponent(index == 0 ? "quote.csv" : "dup.csv")
                try text.write(to: url, atomically: true, encoding: .utf8)
                results.append(
                    try await CommandRunner.run(
                        [
                            "run", "--manifest", url.path, "--endpoint", endpoint.absoluteString, "--out",
                            folder.appendingPathComponent("out").path, "--json",
                        ], environment: Self.environment))
            }
            return results
        }
        for (result, (_, message)) in zip(results, cases) {
            #expect(result.exitCode == 2)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            let line = try OutputFolderEndToEndTests.jsonLine(result.stdout)
            #expect((line["error"] as? String)?.contains(message) == true)
        }
        #expect(counters.totalRequests == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func emptyRowsAreSkippedAndTheSourceNameTravelsVerbatim() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 2, seed: 27)
        let infos = world.taskInfos
        let manifest = folder.appendingPathComponent("tasks.csv")
        try
            "task_id,source_id,source_name,owner\n,,,\n \(infos[0].taskID) ,\(infos[0].sourceID),\"  web 01 \",x\n,,,\n\(infos[1].taskID),\(infos[1].sourceID),db,y\n,,,\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (result, counters) = try await EndToEndTests.withMock(world) { endpoint in
            try await Self.shell(
                "\"$SMSREPORT\" run --manifest <(cat '\(manifest.path)') --endpoint '\(endpoint.absoluteString)' "
                    + "--out '\(out.path)' --format csv", environment: Self.environment)
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 tasks"))
        #expect(counters.exportBatches.first?.sourceNames == ["  web 01 ", "db"])
        #expect(counters.exportBatches.first?.taskIDs == infos.map(\.taskID))
        let rows = try EndToEndTests.csvRows(out.appendingPathComponent("consistency-en-us.csv"))
        #expect(rows.dropFirst().map(\.[0]).contains("  web 01 "))
    }

    @Test func stdinIsReadUpTo256MiB() async throws {
        let result = try await Self.shell(
            "head -c 270000000 /dev/zero | \"$SMSREPORT\" run --manifest - --endpoint http://127.0.0.1:9 --json",
            environment: Self.environment)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("-: larger than 256 MiB"))
        #expect(try OutputFolderEndToEndTests.jsonLine(result.stdout)["exit_code"] as? Int == 2)
    }

    @Test func theTitleAppliesToEveryConfiguredReportAndOtherFlagsNeedReport() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 4, seed: 28)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let config = folder.appendingPathComponent("smsreport.yaml")
        try
            "reports:\n  - name: zh\n    language: zh-cn\n    formats: [html]\n  - name: en\n    language: en-us\n    formats: [html]\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (results, _) = try await EndToEndTests.withMock(world) { endpoint in
            let base = [
                "run", "--manifest", manifest.path, "--config", config.path, "--endpoint", endpoint.absoluteString,
                "--out", out.path,
            ]
            let titled = try await CommandRunner.run(
                base + ["--title", "CHG-4711 cutover"], environment: Self.environment)
            let refused = try await CommandRunner.run(
                base + ["--format", "csv", "--json"], environment: Self.environment)
            return (titled, refused)
        }
        #expect(results.0.exitCode == 0, "\(results.0.stderr)")
        for name in ["zh.html", "en.html"] {
            #expect(
                try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8).contains("CHG-4711 cutover"))
        }
        #expect(results.1.exitCode == 2)
        #expect(results.1.stderr.contains("--report NAME"))
        #expect(try OutputFolderEndToEndTests.jsonLine(results.1.stdout)["exit_code"] as? Int == 2)
    }

    @Test(arguments: [["run", "--bogus-flag", "--json"], ["run", "--json"], ["render", "--json"]])
    func usageErrorsPrintOneJSONLine(arguments: [String]) async throws {
        let result = try await CommandRunner.run(arguments)
        #expect(result.exitCode == 2, "\(result.stderr)")
        let line = try OutputFolderEndToEndTests.jsonLine(result.stdout)
        #expect(line["exit_code"] as? Int == 2)
        #expect((line["error"] as? String)?.isEmpty == false)
        #expect(line["schema_version"] as? Int == 1)
    }

    @Test func dryRunChecksCredentialsAndShowsWhereItWouldGo() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 1, seed: 29)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let base = [
            "run", "--manifest", manifest.path, "--endpoint", "http://127.0.0.1:9", "--dry-run", "--out",
            folder.appendingPathComponent("out").path,
        ]
        let missing = try await CommandRunner.run(base)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("HUAWEICLOUD_AUTH_TOKEN"))
        let plan = try await CommandRunner.run(base, environment: Self.environment)
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("plan: 1 task in 1 batch; 1 export request (en-us), 1 result request"))
        #expect(plan.stdout.contains("endpoint: http://127.0.0.1:9"))
        #expect(plan.stdout.contains("report: consistency-en-us (en-us; html, xlsx, csv)"))
        #expect(plan.stdout.contains("output: \(folder.appendingPathComponent("out").path) (a new folder)"))
        #expect(!plan.stdout.contains(EndToEndTests.token))
        let json = try await CommandRunner.run(base + ["--json"], environment: Self.environment)
        #expect(json.exitCode == 0)
        let line = try OutputFolderEndToEndTests.jsonLine(json.stdout)
        #expect(line["exit_code"] as? Int == 0 && line["endpoint_host"] as? String == "127.0.0.1:9")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
