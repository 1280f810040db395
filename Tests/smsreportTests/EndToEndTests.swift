import CSV
import Foundation
import Logging
import ReportModel
import SMSAPI
import SMSMock
import TestSupport
import Testing

/// The built `smsreport` binary against the mock API on loopback: exit codes, stdout, stderr and files.
@Suite struct EndToEndTests {
    static let token = "e2e-secret-token-5f2a"

    /// Serves `world` on an ephemeral port while `body` runs the binary; returns body's value and the counters.
    static func withMock<T: Sendable>(
        _ world: MockWorld, faults: MockFaults = MockFaults(), tls: MockTLS? = nil, _ body: (URL) async throws -> T
    ) async throws -> (T, MockCounters.Snapshot) {
        var options = MockOptions(token: token)
        options.faults = faults
        return try await MockServer.withRunning(
            world: world, options: options, tls: tls, logger: Logger(label: "mock") { _ in SwiftLogNoOpLogHandler() }
        ) { mock in
            let value = try await body(URL(string: mock.endpoint.url)!)
            return (value, mock.counters.snapshot())
        }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smsreport-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func manifest(_ world: MockWorld, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("tasks.csv")
        let body = world.taskInfos.map { "\($0.taskID),\($0.sourceID),\"\($0.sourceName)\"" }.joined(separator: "\n")
        try ("task_id,source_id,source_name\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func csvRows(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    @Test func badManifestExits2BeforeAnyRequest() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("tasks.csv")
        let long = String(repeating: "n", count: 300)
        try "task_id,source_id,source_name\nt-1,s-1,a\nt-2,s-2,b\nt-3,s-3,c\n,s-4,d\nt-5,s-5,\(long)\n"
            .write(to: manifest, atomically: true, encoding: .utf8)
        let (result, counters) = try await Self.withMock(MockWorld.synthetic(taskCount: 3, seed: 1)) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out",
                    folder.appendingPathComponent("out").path,
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        }
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("tasks.csv:5: task_id is empty"))
        #expect(result.stderr.contains("tasks.csv:6: source_name is 300 characters long (at most 255)"))
        #expect(counters.totalRequests == 0)
    }

    @Test func threeMissingTasksExit4WithErrorRows() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 60, seed: 8)
        let ids = world.taskInfos.map(\.taskID)
        var faults = MockFaults()
        faults.notFoundTaskIDs = [ids[2], ids[20], ids[41]]
        let out = folder.appendingPathComponent("out")
        let manifest = try Self.manifest(world, in: folder)
        let (result, _) = try await Self.withMock(world, faults: faults) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                    "--format", "csv", "--json",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        }
        #expect(result.exitCode == 4)
        let summary =
            try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n").last!.utf8))
            as? [String: Any]
        #expect(summary?["exit_code"] as? Int == 4)
        #expect(((summary?["totals"] as? [String: Any])?["by_status"] as? [String: Int])?["error"] ?? 0 >= 1)
        let snapshot = try ResultsSnapshot(jsonData: Data(contentsOf: out.appendingPathComponent("results.json")))
        #expect(snapshot.tasks.filter { $0.error != nil }.map(\.taskID) == [ids[2], ids[20], ids[41]])
        let rows = try Self.csvRows(out.appendingPathComponent("consistency-en-us.csv"))
        let errorRows = rows.filter { $0[3] == "Error" }
        #expect(Set(errorRows.map { $0[2] }) == [ids[2], ids[20], ids[41]])
        #expect(errorRows.allSatisfy { $0[10].contains("(HTTP 404)") })
        let summaryOfWorld = ConsistencySummary(tasks: snapshot.tasks)
        #expect(rows.count == 1 + summaryOfWorld.servers.count)
        for (row, server) in zip(rows.dropFirst(), summaryOfWorld.servers) {
            #expect(row[2] == server.taskIDs.joined(separator: ";"))
            #expect(Int(row[5]) == (server.hasData ? server.counts.total : nil))
        }
        for text in [
            result.stdout, result.stderr,
            try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8),
        ] {
            #expect(!text.contains(Self.token))
        }
    }

    @Test func aWrongTokenExits1QuicklyAfterAFewRequests() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 400, seed: 2)
        let manifest = try Self.manifest(world, in: folder)
        let (result, counters) = try await Self.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out",
                    folder.appendingPathComponent("out").path,
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": "not-the-token"])
        }
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("credentials rejected"))
        #expect(!result.stderr.contains("not-the-token"))
        #expect(result.seconds < 30)
        #expect(counters.totalRequests <= 10)
    }

    @Test func twoReportsInTwoLanguagesShareOneCollection() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 250, seed: 4)
        let manifest = try Self.manifest(world, in: folder)
        let config = folder.appendingPathComponent("smsreport.yaml")
        try """
        reports:
          - name: zh
            language: zh-cn
            formats: [csv]
          - name: en
            language: en-us
            formats: [csv]
        """.write(to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (result, counters) = try await Self.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--config", config.path, "--endpoint", endpoint.absoluteString,
                    "--out", out.path,
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(counters.exportBatches.map(\.language) == ["en-us", "en-us", "zh-cn", "zh-cn"])
        #expect(counters.requestsPerRoute["consistency-result"] == 250)
        let zh = try Self.csvRows(out.appendingPathComponent("zh.csv"))
        let en = try Self.csvRows(out.appendingPathComponent("en.csv"))
        #expect(zh[0][0] == "源端服务器" && en[0][0] == "Source server")
        #expect(zh.count == en.count)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            files == [
                "SHA256SUMS", "en-changes.csv", "en-directories.csv", "en.csv", "exports", "results.json",
                "summary.json", "zh-changes.csv", "zh-directories.csv", "zh.csv",
            ])
    }

    @Test func renderIsReproducibleWithSourceDateEpoch() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = Fixtures.url("hostile-results.json").path
        var outputs: [[String: Data]] = []
        for run in 0..<2 {
            let out = folder.appendingPathComponent("render-\(run)")
            let result = try await CommandRunner.run(
                ["render", "--results", results, "--out", out.path, "--language", "zh-cn"],
                environment: ["SOURCE_DATE_EPOCH": "1790000000"])
            #expect(result.exitCode == 4, "\(result.stderr)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(
            outputs[0].keys.sorted() == [
                "SHA256SUMS", "consistency-zh-cn-directories.csv", "consistency-zh-cn.csv", "consistency-zh-cn.html",
                "consistency-zh-cn.xlsx", "results.json", "summary.json",
            ])
        #expect(outputs[0] == outputs[1])
    }

    @Test func dryRunPrintsThePlanAndCallsNothing() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 450, seed: 6)
        let manifest = try Self.manifest(world, in: folder)
        let (result, counters) = try await Self.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--dry-run",
                    "--language", "zh-cn",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token], directory: folder)
        }
        // Nothing was written either: no output folder.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("smsreport-out").path))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("450 tasks in 3 batches; 3 export requests (zh-cn), 450 result requests"))
        #expect(result.stdout.contains("batch-0003: 50 tasks (tasks.csv:402 … tasks.csv:451)"))
        #expect(counters.totalRequests == 0)
    }

    @Test(arguments: [
        ["run", "--manifest", "x.csv", "--batch-size", "500", "--endpoint", "http://127.0.0.1:1"],
        ["run", "--manifest", "x.csv", "--discover"],
        ["run", "--manifest", "x.csv", "--endpoint", "http://127.0.0.1:1", "--format", "pdf"],
        ["render"],
    ])
    func usageErrorsExit2(arguments: [String]) async throws {
        let result = try await CommandRunner.run(arguments)
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func stdinManifestAndMissingCredentials() async throws {
        let result = try await CommandRunner.run(
            [
                "run", "--manifest", "-", "--endpoint", "http://127.0.0.1:1", "--out",
                FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID())").path,
            ],
            stdin: Data("task_id,source_id,source_name\nt-1,s-1,a\n".utf8))
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("HUAWEICLOUD_AUTH_TOKEN"))
    }
}

extension EndToEndTests {
    @Test func discoverPagesThroughTheAccountsTasks() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 230, seed: 14)
        let out = folder.appendingPathComponent("out")
        let (result, counters) = try await Self.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--discover", "--state", "MIGRATE_SUCCESS", "--endpoint", endpoint.absoluteString, "--out",
                    out.path, "--format", "csv", "--no-export",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        }
        #expect(result.exitCode == 0, "\(result.stderr)")
        let expected = world.tasks.filter { $0.state == "MIGRATE_SUCCESS" }.map(\.id)
        let snapshot = try ResultsSnapshot(jsonData: Data(contentsOf: out.appendingPathComponent("results.json")))
        #expect(snapshot.tasks.map(\.taskID) == expected)
        #expect(snapshot.run.manifest.name == "discover (state MIGRATE_SUCCESS)")
        // Pages of 200, the list API's documented maximum.
        #expect(counters.requestsPerRoute["list-tasks"] == max(1, (expected.count + 199) / 200))
        #expect(counters.exportBatches.isEmpty)
    }
}
