/// Chromium did not print a report: it could not start, ran out of time, exited badly or wrote no PDF.
///
/// Distinct from ``PDFError`` (no Chromium at all, found before any request) so that a run can write its other
/// formats and end with exit 4 and a `pdf_failed` warning (SPEC 8.2 "PDF"). By the time it is thrown, none of
/// Chromium's processes is left.
public struct PDFPrintError: Error, CustomStringConvertible, Sendable, Hashable {
    /// Why the print failed.
    public enum Reason: Sendable, Hashable {
        /// The browser could not be started (the `errno` text).
        case cannotStart(String)
        /// The print did not finish within this many seconds (`--pdf-timeout`, or less when `--deadline` came first).
        case timedOut(seconds: Int)
        /// The run's deadline had passed before the print could start.
        case deadlinePassed
        /// The browser exited with this non-zero status.
        case exited(Int32)
        /// The browser was ended by this signal (a crash).
        case signalled(Int32)
        /// The browser exited with status 0 but wrote no PDF.
        case noOutput
    }

    /// The report's name (the PDF is `<report>.pdf`).
    public let report: String
    /// The Chromium that was run.
    public let browser: String
    public let reason: Reason

    /// An error about printing `report` with `browser`.
    public init(report: String, browser: String, reason: Reason) {
        self.report = report
        self.browser = browser
        self.reason = reason
    }

    /// `pdf: <report>.pdf not written: <browser> timed out after 300 s (--pdf-timeout); its processes were stopped`.
    public var description: String {
        let why: String
        switch reason {
        case .cannotStart(let detail): why = "cannot start \(browser): \(detail)"
        case .timedOut(let seconds):
            why =
                "\(browser) did not finish within \(seconds) s (--pdf-timeout, --deadline); its processes were stopped"
        case .deadlinePassed: why = "the run's --deadline passed before \(browser) could start"
        case .exited(let status): why = "\(browser) exited with status \(status)"
        case .signalled(let signal): why = "\(browser) was ended by signal \(signal); its processes were stopped"
        case .noOutput: why = "\(browser) exited without writing a PDF"
        }
        return "pdf: \(report).pdf not written: \(why)"
    }
}
