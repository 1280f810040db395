import Foundation
import ReportModel
import Testing

@testable import Rendering

/// Chromium that hangs, crashes or fails (SPEC 8.2 "PDF"), played by shell scripts: the print is bounded, the
/// whole process group is stopped, none of its processes is left and the temporary profile is removed.
@Suite struct ChromiumPrinterTests {
    /// A folder with a stand-in browser script whose body is `body`; `RECORD` in the body names the folder.
    /// The script first writes its `--user-data-dir` to `RECORD/profile` and its pid to `RECORD/leader`.
    static func standIn(_ body: String) throws -> (browser: String, record: URL) {
        let record = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            for a in "$@"; do
              case "$a" in --user-data-dir=*) printf '%s\\n' "${a#--user-data-dir=}" > RECORD/profile ;; esac
            done
            echo $$ > RECORD/leader
            \(body)
            """
        let browser = record.appendingPathComponent("chromium")
        try Data(script.replacingOccurrences(of: "RECORD", with: record.path).utf8).write(to: browser, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)
        return (browser.path, record)
    }

    /// The context of a one-report pdf render with `browser` and `timeout`.
    static func context(browser: String, timeout: Duration, deadline: Date? = nil) throws -> RenderContext {
        var context = try HandoverRendering.context(HandoverRendering.report(formats: [.pdf]))
        context.options.browser = browser
        context.options.pdfTimeout = timeout
        context.options.pdfDeadline = deadline
        return context
    }

    /// Renders and returns the PDFPrintError it throws, with the time it took.
    static func failedRender(_ context: RenderContext) -> (error: PDFPrintError?, seconds: Double) {
        let start = ContinuousClock.now
        var caught: PDFPrintError?
        do {
            _ = try HandoverRendering.render(PDFReportRenderer(), context)
        } catch let error as PDFPrintError {
            caught = error
        } catch {
            Issue.record("unexpected error \(error)")
        }
        let elapsed = ContinuousClock.now - start
        return (caught, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// The pid in `record/name`.
    static func pid(_ record: URL, _ name: String) throws -> pid_t {
        let text = try String(contentsOf: record.appendingPathComponent(name), encoding: .utf8)
        return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Whether `pid` is a running process (a zombie is not: it waits only for its parent, perhaps init, to reap it).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// The work folder that held the profile the script was given is gone.
    static func profileIsRemoved(_ record: URL) throws -> Bool {
        let profile = try String(contentsOf: record.appendingPathComponent("profile"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(profile.hasSuffix("/profile"))
        let work = URL(fileURLWithPath: profile).deletingLastPathComponent()
        return !FileManager.default.fileExists(atPath: work.path)
    }

    @Test(.timeLimit(.minutes(1)))
    func hangingChromiumThatIgnoresSIGTERMIsKilledWithItsChild() throws {
        // Both the browser and the child it forks ignore SIGTERM: only SIGKILL to the group ends them.
        let (browser, record) = try Self.standIn(
            """
            trap '' TERM
            sh -c 'trap "" TERM; while :; do sleep 1; done' &
            echo $! > RECORD/child
            while :; do sleep 1; done
            """)
        defer { try? FileManager.default.removeItem(at: record) }
        let (error, seconds) = Self.failedRender(try Self.context(browser: browser, timeout: .seconds(2)))
        #expect(error?.reason == .timedOut(seconds: 2))
        #expect(error?.report == "report")
        #expect(error?.description.contains("report.pdf not written") == true)
        // 2 s timeout, 5 s between SIGTERM and SIGKILL, and up to 2 s for the rest (the page is rendered first).
        #expect(seconds >= 6.9 && seconds < 9.5, "took \(seconds) s")
        let leader = try Self.pid(record, "leader")
        let child = try Self.pid(record, "child")
        #expect(!Self.isRunning(leader) && !Self.isRunning(child))
        #expect(ProcessGroupLeader.liveMembers(ofGroup: leader) == 0)
        #expect(try Self.profileIsRemoved(record))
    }

    @Test(.timeLimit(.minutes(1)))
    func crashedChromiumLeavesNoChildBehind() throws {
        let (browser, record) = try Self.standIn(
            """
            sleep 60 &
            echo $! > RECORD/child
            kill -SEGV $$
            """)
        defer { try? FileManager.default.removeItem(at: record) }
        let (error, seconds) = Self.failedRender(try Self.context(browser: browser, timeout: .seconds(30)))
        #expect(error?.reason == .signalled(SIGSEGV))
        #expect(seconds < 5, "took \(seconds) s")
        let child = try Self.pid(record, "child")
        #expect(!Self.isRunning(child))
        #expect(ProcessGroupLeader.liveMembers(ofGroup: try Self.pid(record, "leader")) == 0)
        #expect(try Self.profileIsRemoved(record))
    }

    @Test func failingAndSilentChromiumAreDistinguished() throws {
        let (failing, failingRecord) = try Self.standIn("exit 3")
        defer { try? FileManager.default.removeItem(at: failingRecord) }
        #expect(
            Self.failedRender(try Self.context(browser: failing, timeout: .seconds(30))).error?.reason == .exited(3))
        #expect(try Self.profileIsRemoved(failingRecord))
        let (silent, silentRecord) = try Self.standIn("exit 0")
        defer { try? FileManager.default.removeItem(at: silentRecord) }
        #expect(Self.failedRender(try Self.context(browser: silent, timeout: .seconds(30))).error?.reason == .noOutput)
    }

    @Test func standInThatPrintsGivesAPDF() throws {
        let (browser, record) = try Self.standIn(
            """
            for a in "$@"; do
              case "$a" in --print-to-pdf=*) printf '%%PDF-1.4\\n%%%%EOF\\n' > "${a#--print-to-pdf=}" ;; esac
            done
            """)
        defer { try? FileManager.default.removeItem(at: record) }
        let files = try HandoverRendering.render(
            PDFReportRenderer(), try Self.context(browser: browser, timeout: .seconds(30)))
        #expect(files.map(\.lastPathComponent) == ["report.pdf"])
        #expect(try Data(contentsOf: files[0]).starts(with: Array("%PDF-1.4".utf8)))
        #expect(try Self.profileIsRemoved(record))
    }

    @Test func theDeadlineCapsTheTimeout() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var options = RenderOptions(pdfTimeout: .seconds(300), pdfDeadline: now.addingTimeInterval(12.5))
        #expect(try PDFReportRenderer.timeout(options, report: "r", browser: "b", now: now) == .milliseconds(12_500))
        options.pdfDeadline = now.addingTimeInterval(900)
        #expect(try PDFReportRenderer.timeout(options, report: "r", browser: "b", now: now) == .seconds(300))
        options.pdfDeadline = nil
        #expect(try PDFReportRenderer.timeout(options, report: "r", browser: "b", now: now) == .seconds(300))
        options.pdfDeadline = now.addingTimeInterval(-1)
        #expect(throws: PDFPrintError(report: "r", browser: "b", reason: .deadlinePassed)) {
            try PDFReportRenderer.timeout(options, report: "r", browser: "b", now: now)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aDeadlineShorterThanTheTimeoutStopsThePrint() throws {
        let (browser, record) = try Self.standIn("exec sleep 60")
        defer { try? FileManager.default.removeItem(at: record) }
        let (error, seconds) = Self.failedRender(
            try Self.context(browser: browser, timeout: .seconds(300), deadline: Date().addingTimeInterval(1)))
        #expect(error?.reason == .timedOut(seconds: 1))
        #expect(seconds < 4, "took \(seconds) s")
        #expect(!Self.isRunning(try Self.pid(record, "leader")))
    }
}
