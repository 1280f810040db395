import Foundation
import TestSupport
import Testing

/// `--pdf-timeout` and `pdf_timeout:` on the built binary (SPEC 8.2 "PDF"), with a Chromium stand-in that never
/// prints: the print is stopped at the limit, and its process is gone afterwards.
@Suite(.timeLimit(.minutes(1))) struct PDFTimeoutEndToEndTests {
    /// A folder with results.json and a stand-in browser that records its pid and sleeps.
    static func setUp() throws -> (folder: URL, browser: URL) {
        let folder = try EndToEndTests.temporaryFolder()
        _ = try WaiverEndToEndTests.results(in: folder)
        let browser = folder.appendingPathComponent("chromium")
        let script = "#!/bin/sh\necho $$ > \(folder.path)/leader\nexec sleep 60\n"
        try Data(script.utf8).write(to: browser, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        return (folder, browser)
    }

    /// `render --format pdf` with the stand-in and `extra` flags.
    static func render(_ folder: URL, _ browser: URL, _ extra: [String]) async throws -> CommandRunner.Result {
        try await CommandRunner.run(
            [
                "render", "--results", folder.appendingPathComponent("results.json").path,
                "--out", folder.appendingPathComponent("out").path, "--format", "pdf", "--name", "r",
                "--chromium", browser.path,
            ] + extra)
    }

    @Test func theFlagBoundsThePrint() async throws {
        let (folder, browser) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await Self.render(folder, browser, ["--pdf-timeout", "1"])
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("r.pdf not written") && result.stderr.contains("within 1 s"), "\(result.stderr)")
        // 1 s, then SIGTERM and 5 s to SIGKILL: about 7 s alone; the bound leaves room for a loaded suite and is
        // still far below the 300 s default that a flag left unread would give.
        #expect(result.seconds < 40)
        let leader = try String(contentsOf: folder.appendingPathComponent("leader"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let state = (try? String(contentsOfFile: "/proc/\(leader)/stat", encoding: .utf8))
            .flatMap { $0.split(separator: ")").last?.split(separator: " ").first }
        #expect(state == nil || state == "Z", "the stand-in still runs: \(state ?? "")")
    }

    @Test func theConfigKeyBoundsThePrintAndTheFlagWins() async throws {
        let (folder, browser) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("smsreport.yaml")
        try "pdf_timeout: 1\nreports:\n  - name: r\n    formats: [pdf]\n".write(
            to: config, atomically: true, encoding: .utf8)
        let arguments = [
            "render", "--results", folder.appendingPathComponent("results.json").path,
            "--out", folder.appendingPathComponent("out").path, "--config", config.path, "--chromium", browser.path,
        ]
        let fromConfig = try await CommandRunner.run(arguments)
        #expect(fromConfig.stderr.contains("within 1 s"), "\(fromConfig.stderr)")
        let flagWins = try await CommandRunner.run(arguments + ["--pdf-timeout", "2"])
        #expect(flagWins.stderr.contains("within 2 s"), "\(flagWins.stderr)")
    }

    @Test(arguments: ["0", "-1", "86401", "soon"])
    func aBadTimeoutIsAUsageError(_ value: String) async throws {
        let (folder, browser) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await Self.render(folder, browser, ["--pdf-timeout", value])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--pdf-timeout"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("leader").path))
    }
}
