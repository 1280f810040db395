import Foundation
import SMSMock
import TestSupport
import Testing

/// `--max-age` end to end (SPEC 9): the built binary against the mock, two reports in two languages. The mock's
/// servers were verified in November 2026, long before any run, so with `--max-age 1h` every server with data is
/// stale; servers without data never are.
@Suite struct FreshnessEndToEndTests {
    /// `summary.json`'s `totals`.
    static func totals(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["totals"] as? [String: Any])
    }

    /// How many rows of a servers CSV say `yes` in the stale column, after checking every row has it.
    static func staleRows(_ rows: [[String]], header: String, yes: String, no: String) -> Int {
        #expect(rows[0].count == 12 && rows[0].last == header)
        let values = rows.dropFirst().map { $0.last ?? "" }
        #expect(values.allSatisfy { $0 == yes || $0 == no })
        // A server without data (its counts empty) is never stale.
        for row in rows.dropFirst() where row[4].isEmpty { #expect(row.last == no) }
        return values.filter { $0 == yes }.count
    }

    @Test func maxAgeMarksStaleServersInBothLanguagesAndFailOnStaleExits3() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let world = MockWorld.synthetic(taskCount: 120, seed: 23)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let config = folder.appendingPathComponent("smsreport.yaml")
        try """
        reports:
          - name: zh
            language: zh-cn
            formats: [csv, html]
          - name: en
            language: en-us
            formats: [csv, html]
        """.write(to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let (result, _) = try await EndToEndTests.withMock(world) { endpoint in
            try await CommandRunner.run(
                [
                    "run", "--manifest", manifest.path, "--config", config.path, "--endpoint", endpoint.absoluteString,
                    "--out", out.path, "--max-age", "1h", "--fail-on", "stale",
                ],
                environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
        }
        #expect(result.exitCode == 3, "\(result.stderr)")
        let stale = try #require(try Self.totals(out)["stale"] as? Int)
        #expect(stale > 0)
        let zh = Self.staleRows(
            try EndToEndTests.csvRows(out.appendingPathComponent("zh.csv")), header: "校验已过期", yes: "是", no: "否")
        let en = Self.staleRows(
            try EndToEndTests.csvRows(out.appendingPathComponent("en.csv")), header: "Stale", yes: "yes", no: "no")
        #expect(zh == stale && en == stale)
        let zhHTML = try String(contentsOf: out.appendingPathComponent("zh.html"), encoding: .utf8)
        let enHTML = try String(contentsOf: out.appendingPathComponent("en.html"), encoding: .utf8)
        #expect(zhHTML.contains("天前校验</span>"))
        #expect(enHTML.contains(" days ago</span>"))

        // Re-rendered without --max-age: no column, no mark, totals.stale 0.
        let plain = folder.appendingPathComponent("plain")
        let render = try await CommandRunner.run(
            [
                "render", "--results", out.appendingPathComponent("results.json").path, "--config", config.path,
                "--out", plain.path, "--fail-on", "stale",
            ])
        #expect(render.exitCode == 0, "\(render.stderr)")
        #expect(try Self.totals(plain)["stale"] as? Int == 0)
        #expect(try EndToEndTests.csvRows(plain.appendingPathComponent("en.csv"))[0].count == 11)
        #expect(try !String(contentsOf: plain.appendingPathComponent("en.html"), encoding: .utf8).contains("days ago"))
    }

    @Test func renderJudgesAtTheSnapshotsStartNotTheClock() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = Fixtures.url("hostile-results.json").path
        var outputs: [Data] = []
        for run in 0..<2 {
            let out = folder.appendingPathComponent("render-\(run)")
            // 100000d: nothing verified in this millennium is stale, so only servers with data and an unknown
            // verification time count, the same whenever the test runs.
            let result = try await CommandRunner.run(
                ["render", "--results", results, "--out", out.path, "--max-age", "100000d", "--format", "csv"],
                environment: ["SOURCE_DATE_EPOCH": "1790000000"])
            #expect(result.exitCode == 4, "\(result.stderr)")
            outputs.append(try Data(contentsOf: out.appendingPathComponent("consistency-en-us.csv")))
            #expect(try EndToEndTests.csvRows(out.appendingPathComponent("consistency-en-us.csv"))[0].last == "Stale")
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test(arguments: ["soon", "0", "-1h", "7w"])
    func aBadMaxAgeIsAUsageError(value: String) async throws {
        let result = try await CommandRunner.run(
            ["run", "--manifest", "x.csv", "--endpoint", "http://127.0.0.1:1", "--max-age=\(value)"])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--max-age"))
    }
}
