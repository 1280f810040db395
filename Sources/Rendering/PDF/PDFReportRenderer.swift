import Foundation
import ReportModel

/// Writes `<name>.pdf`: the HTML report's print layout (problems in full, consistent servers compact, the
/// running title and page numbers of its `@page` rules), printed by headless Chromium on A4.
///
/// The page is rendered to a private temporary folder, printed there, and the PDF then goes through the
/// ``OutputFolder`` like every other file (temporary name, rename), so an interrupted run leaves no half PDF.
public struct PDFReportRenderer: ReportRenderer {
    /// Always ``ReportFormat/pdf``.
    public var format: ReportFormat { .pdf }

    /// A renderer that gives Chromium the options' `pdfTimeout`, cut to what is left before `pdfDeadline`.
    public init() {}

    /// Renders the print page, has Chromium print it, and writes `<name>.pdf` atomically.
    ///
    /// Throws ``PDFPrintError`` when Chromium does not print (after stopping all its processes).
    public func render(_ context: RenderContext, to output: OutputFolder) throws -> [URL] {
        guard let browser = context.options.browser ?? Self.findBrowser() else {
            throw PDFError(
                reason: "no Chromium to print the pdf format with; apt-get install chromium, or give --chromium PATH")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("smsreport-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let page = work.appendingPathComponent("report.html")
        let frame = try HTMLFrame(templates: context.templates)
        let sink = try FileSink(creating: page)
        do {
            try HTMLReportRenderer(forPrint: true).write(context, frame: frame, to: sink)
            try sink.close()
        } catch {
            try? sink.close()
            throw error
        }
        let printed = work.appendingPathComponent("report.pdf")
        let timeout = try Self.timeout(context.options, report: context.report.name, browser: browser)
        try ChromiumPrinter(browser: browser, timeout: timeout, report: context.report.name)
            .print(page, to: printed, profile: work)
        guard var bytes = try? Data(contentsOf: printed), bytes.starts(with: Array("%PDF-".utf8)) else {
            throw PDFPrintError(report: context.report.name, browser: browser, reason: .noOutput)
        }
        PDFStamp.pin(&bytes, to: context.generatedAt)
        let url = try output.write("\(context.report.name).pdf", bytes: bytes)
        return [url]
    }

    /// `--pdf-timeout`, or the time left before `--deadline` when that is shorter.
    static func timeout(_ options: RenderOptions, report: String, browser: String, now: Date = Date())
        throws(PDFPrintError) -> Duration
    {
        guard let deadline = options.pdfDeadline else { return options.pdfTimeout }
        let left = deadline.timeIntervalSince(now)
        guard left > 0 else { throw PDFPrintError(report: report, browser: browser, reason: .deadlinePassed) }
        return min(options.pdfTimeout, .milliseconds(Int64((left * 1000).rounded(.up))))
    }

    /// The first of chromium, chromium-browser and google-chrome on `PATH`.
    public static func findBrowser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where !folder.isEmpty {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }
}

/// Chromium could not print a report.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the browser or the report.
    public let reason: String

    /// `pdf: <reason>`.
    public var description: String { "pdf: \(reason)" }
}
