import Foundation

/// Runs headless Chromium to print one local HTML file to PDF, with a private profile and no network use.
///
/// Chromium leads a process group of its own; on a timeout or a crash the whole group is stopped (SIGTERM, then
/// SIGKILL 5 s later) and the printer returns only when none of its processes is left (SPEC 8.2 "PDF").
struct ChromiumPrinter {
    let browser: String
    /// How long Chromium may take; already capped by the run's deadline.
    let timeout: Duration
    /// The report being printed, for the error.
    let report: String
    /// How long the group gets between SIGTERM and SIGKILL.
    var grace: Duration = .seconds(5)

    /// Prints `page` to `pdf`; `profile` is a private folder for Chromium's profile and caches.
    func print(_ page: URL, to pdf: URL, profile: URL) throws(PDFPrintError) {
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            // The page asks for nothing outside itself; a dead proxy makes sure Chromium does not either.
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--user-data-dir=" + profile.appendingPathComponent("profile").path,
            // Chromium's own header and footer would print the file's path and today's date; the page's
            // @page rules give the title and page numbers instead.
            "--no-pdf-header-footer",
            // A tagged PDF's structure tree is two thirds of the file (11.1 MB instead of 2.6 MB for 1,846
            // servers) and doubles the print time; the HTML report is the accessible form of the same content.
            "--disable-pdf-tagging",
            "--print-to-pdf=" + pdf.path, page.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        environment["XDG_CONFIG_HOME"] = profile.appendingPathComponent("config").path
        environment["XDG_CACHE_HOME"] = profile.appendingPathComponent("cache").path
        let started = ContinuousClock.now
        var leader: ProcessGroupLeader
        do throws(ProcessGroupLeader.SpawnFailure) {
            leader = try ProcessGroupLeader.spawn(browser, arguments: arguments, environment: environment)
        } catch {
            throw PDFPrintError(report: report, browser: browser, reason: .cannotStart(error.reason))
        }
        let outcome = leader.waitForLeader(until: started + timeout)
        // Whatever the leader did, nothing it started may outlive the print: renderers and helpers of a crashed
        // or stopped browser would otherwise be re-parented to init and keep running.
        leader.stopGroup(grace: grace)
        switch outcome {
        case .timedOut:
            throw PDFPrintError(report: report, browser: browser, reason: .timedOut(seconds: Self.seconds(timeout)))
        case .signalled(let signal):
            throw PDFPrintError(report: report, browser: browser, reason: .signalled(signal))
        case .exited(let status) where status != 0:
            throw PDFPrintError(report: report, browser: browser, reason: .exited(status))
        case .exited:
            guard FileManager.default.fileExists(atPath: pdf.path) else {
                throw PDFPrintError(report: report, browser: browser, reason: .noOutput)
            }
        }
    }

    /// Whole seconds, rounded up, for messages.
    static func seconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) + (attoseconds > 0 ? 1 : 0)
    }
}
