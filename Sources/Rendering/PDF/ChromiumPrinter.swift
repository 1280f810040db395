import Foundation

/// Runs headless Chromium to print one local HTML file to PDF, with a private profile and no network use.
struct ChromiumPrinter {
    let browser: String
    let timeout: Duration

    /// Prints `page` to `pdf`; `profile` is a private folder for Chromium's profile and caches.
    func print(_ page: URL, to pdf: URL, profile: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            // The page asks for nothing outside itself; a dead proxy makes sure Chromium does not either.
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--user-data-dir=" + profile.appendingPathComponent("profile").path,
            // Chromium's own header and footer would print the file's path and today's date; the page's
            // @page rules give the title and page numbers instead.
            "--no-pdf-header-footer", "--print-to-pdf=" + pdf.path, page.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        environment["XDG_CONFIG_HOME"] = profile.appendingPathComponent("config").path
        environment["XDG_CACHE_HOME"] = profile.appendingPathComponent("cache").path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            throw PDFError(reason: "cannot start \(browser): \(error.localizedDescription)")
        }
        let (seconds, attoseconds) = timeout.components
        let wait = Double(seconds) + Double(attoseconds) / 1e18
        if done.wait(timeout: .now() + wait) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw PDFError(reason: "\(browser) did not finish printing within \(Int(wait)) s")
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw PDFError(reason: "\(browser) failed to print (exit status \(process.terminationStatus))")
        }
    }
}
