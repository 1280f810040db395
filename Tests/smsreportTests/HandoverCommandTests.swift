import Foundation
import SMSMock
import TestSupport
import Testing

/// The handover flags on the command line: bad values exit 2 before any request, good ones reach the reports.
@Suite struct HandoverCommandTests {
    /// Runs `smsreport run` against a mock of three tasks with `extra` flags; the result, requests made, out folder.
    static func run(_ extra: [String], environment: [String: String] = [:]) async throws
        -> (result: CommandRunner.Result, requests: Int, out: URL)
    {
        let folder = try EndToEndTests.temporaryFolder()
        let world = MockWorld.synthetic(taskCount: 3, seed: 5)
        let manifest = try EndToEndTests.manifest(world, in: folder)
        let out = folder.appendingPathComponent("out")
        let (result, counters) = try await EndToEndTests.withMock(world) { endpoint in
            try await CommandRunner.run(
                ["run", "--manifest", manifest.path, "--endpoint", endpoint.absoluteString, "--out", out.path] + extra,
                environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token].merging(environment) { $1 })
        }
        return (result, counters.totalRequests, out)
    }

    @Test func unknownTimezoneExits2NamingIt() async throws {
        let (result, requests, _) = try await Self.run(["--timezone", "Mars/Olympus"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("Mars/Olympus"))
        #expect(requests == 0)
    }

    @Test func badIncludeExits2() async throws {
        let (result, requests, _) = try await Self.run(["--include", "some"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("--include"))
        #expect(requests == 0)
    }

    @Test func pdfWithoutChromiumExits2BeforeAnyRequestWithTheInstallHint() async throws {
        let (result, requests, _) = try await Self.run(["--format", "pdf"], environment: ["PATH": "/nonexistent"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("apt-get install chromium"))
        #expect(requests == 0)
        let (given, givenRequests, _) = try await Self.run(["--format", "pdf", "--chromium", "/nonexistent/chrome"])
        #expect(given.exitCode == 2)
        #expect(given.stderr.contains("/nonexistent/chrome"))
        #expect(givenRequests == 0)
    }

    @Test func flagsReachEveryFormat() async throws {
        let (result, _, out) = try await Self.run([
            "--format", "html,csv", "--timezone", "Asia/Shanghai", "--customer", "ACME <b>", "--reference", "CHG-7",
            "--prepared-by", "Li Si", "--include", "problems",
        ])
        #expect(result.exitCode == 0 || result.exitCode == 4, "\(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("consistency-en-us.html"), encoding: .utf8)
        #expect(html.contains("ACME &lt;b&gt;") && html.contains("CHG-7") && html.contains("Li Si"))
        #expect(html.contains("(UTC+08:00)"))
        let csv = try String(contentsOf: out.appendingPathComponent("consistency-en-us.csv"), encoding: .utf8)
        #expect(csv.contains("Verified at (Asia/Shanghai)"))
        let results = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(!results.contains("+08:00"))
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium"), .timeLimit(.minutes(2)))
    func pdfFormatWritesThePDFAtomically() async throws {
        let (result, _, out) = try await Self.run([
            "--format", "pdf", "--chromium", Self.chromium!, "--customer", "ACME",
        ])
        #expect(result.exitCode == 0 || result.exitCode == 4, "\(result.stderr)")
        let pdf = try Data(contentsOf: out.appendingPathComponent("consistency-en-us.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("consistency-en-us.html").path))
    }
}
