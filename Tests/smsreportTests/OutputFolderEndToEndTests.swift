import Foundation
import ReportModel
import SMSMock
import TestSupport
import Testing

/// SPEC 3 "Output folder" on the built binary: one run per folder, foreign files, failed runs, checksums.
@Suite struct OutputFolderEndToEndTests {
    static let token = EndToEndTests.token
    static let environment = ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token]

    /// Every file below `folder` (relative paths, sorted), hidden ones included.
    static func files(_ folder: URL) -> [String] {
        FolderListing.files(folder)
    }

    /// `sha256sum -c SHA256SUMS` in `folder`: its exit status and output.
    static func checksums(_ folder: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--strict", "-c", "SHA256SUMS"]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func summary(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The one line on stdout, as a JSON object.
    static func jsonLine(_ stdout: String) throws -> [String: Any] {
        let lines = stdout.split(separator: "\n")
        #expect(lines.count == 1, "stdout: \(stdout)")
        return try #require(try JSONSerialization.jsonObject(with: Data((lines.last ?? "").utf8)) as? [String: Any])
    }

    @Test func aSecondRunWithOtherReportsLeavesOnlyItsOwnSet() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 30, seed: 21)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let config = folder.appendingPathComponent("first.yaml")
        try "reports:\n  - name: handover-zh\n    language: zh-cn\n    formats: [html, csv]\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (results, counters) = try await EndToEndTests.withMock(world) { endpoint in
            let first = try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--config", config.path, "--endpoint", endpoint.absoluteString,
                    "--out", out.path,
                ], environment: Self.environment)
            let second = try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                    "--format", "csv", "--json",
                ], environment: Self.environment)
            return (first, second)
        }
        #expect(results.0.exitCode == 0, "\(results.0.stderr)")
        #expect(results.1.exitCode == 0, "\(results.1.stderr)")
        #expect(counters.exportBatches.map(\.language) == ["zh-cn", "en-us"])
        #expect(
            Self.files(out).filter { !$0.hasPrefix("exports/") } == [
                "SHA256SUMS", "consistency-en-us-changes.csv", "consistency-en-us-directories.csv",
                "consistency-en-us.csv", "results.json", "summary.json",
            ])
        let exports = Self.files(out).filter { $0.hasPrefix("exports/") }
        #expect(exports.count == 1 && exports.allSatisfy { $0.hasPrefix("exports/en-us/batch-0001.") })
        #expect(!Self.files(out).contains { $0.contains("zh") })
        let (status, output) = try Self.checksums(out)
        #expect(status == 0, "\(output)")
        let summary = try Self.summary(out)
        let listed = (summary["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(Set(listed + ["SHA256SUMS", "summary.json"]) == Set(Self.files(out)))
        #expect(listed == listed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect((summary["reports"] as? [[String: Any]])?.map { $0["name"] as? String } == ["consistency-en-us"])
        #expect((summary["totals"] as? [String: Any])?["servers"] as? Int ?? 0 > 0)
        let printed = try Self.jsonLine(results.1.stdout)
        #expect(printed["exit_code"] as? Int == 0)
        #expect(printed["files"] as? [[String: Any]] != nil)
        #expect((printed["manifest"] as? [String: Any])?["task_count"] as? Int == 30)
        // Nothing but the output folder beside it: no staging or retired folder left.
        #expect(
            try FolderListing.entries(folder).sorted() == [
                "first.yaml", "out", "tasks.csv",
            ])
    }

    @Test func aFolderWithAForeignFileIsNotWrittenInto() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 5, seed: 22)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("do not touch".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let (results, counters) = try await EndToEndTests.withMock(world) { endpoint in
            let refused = try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                    "--json",
                ],
                environment: Self.environment)
            let before = Self.files(out)
            let forced = try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                    "--force", "--format", "csv",
                ], environment: Self.environment)
            return (refused, before, forced)
        }
        #expect(results.0.exitCode == 2)
        #expect(results.0.stderr.contains("notes.txt"))
        #expect(try Self.jsonLine(results.0.stdout)["exit_code"] as? Int == 2)
        #expect(results.1 == ["notes.txt"])
        #expect(results.2.exitCode == 0, "\(results.2.stderr)")
        #expect(counters.requestsPerRoute["consistency-result"] == 5)
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "do not touch")
        #expect(Self.files(out).contains("consistency-en-us.csv"))
        let (status, output) = try Self.checksums(out)
        #expect(status == 0, "\(output)")
    }

    @Test func aRunRejectedAtOnceLeavesNoFolderAndPrintsOneJSONLine() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 50, seed: 23)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let out = folder.appendingPathComponent("nightly/2026-12-01")
        let (result, _) = try await EndToEndTests.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path,
                    "--json",
                    "--log-format", "json", "--quiet",
                ], environment: ["HUAWEICLOUD_AUTH_TOKEN": "wrong-token-value"])
        }
        #expect(result.exitCode == 1)
        let line = try Self.jsonLine(result.stdout)
        #expect(line["exit_code"] as? Int == 1)
        #expect((line["error"] as? String)?.contains("credentials rejected") == true)
        #expect((line["manifest"] as? [String: Any])?["name"] as? String == "tasks.csv")
        #expect(line["endpoint_host"] as? String != nil)
        #expect(!result.stdout.contains("wrong-token-value") && !result.stderr.contains("wrong-token-value"))
        #expect(try FolderListing.entries(folder) == ["tasks.csv"])
    }

    @Test func renderWritesTheSameBytesIncludingSummaryAndChecksums() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var sets: [[String: Data]] = []
        for run in 0..<2 {
            let out = folder.appendingPathComponent("render-\(run)")
            let result = try await CommandRunner.run(
                [
                    "render", "--results", Fixtures.url("hostile-results.json").path, "--out", out.path, "--format",
                    "csv",
                ],
                environment: ["SOURCE_DATE_EPOCH": "1790000000"])
            #expect(result.exitCode == 4, "\(result.stderr)")
            var files: [String: Data] = [:]
            for name in Self.files(out) { files[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
            sets.append(files)
            let (status, output) = try Self.checksums(out)
            #expect(status == 0, "\(output)")
        }
        #expect(
            sets[0].keys.sorted() == [
                "SHA256SUMS", "consistency-en-us-directories.csv", "consistency-en-us.csv", "results.json",
                "summary.json",
            ])
        #expect(sets[0] == sets[1])
        let summary = try JSONSerialization.jsonObject(with: sets[0]["summary.json"] ?? Data()) as? [String: Any]
        #expect(summary?["started_at"] as? String == "2026-09-21T14:13:20Z")
        #expect(summary?["exit_code"] as? Int == 4)
    }
}
