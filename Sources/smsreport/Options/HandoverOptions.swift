import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel
import RunEngine

/// Flags for handover reports; each applies to every report, configured or described by flags, over the config.
struct HandoverOptions: ParsableArguments {
    @Option(help: "IANA time zone every shown time is in (default UTC), e.g. Asia/Shanghai.")
    var timezone: String?

    @Option(help: "Customer shown in the reports.")
    var customer: String?

    @Option(help: "Project shown in the reports.")
    var project: String?

    @Option(help: "Change or ticket number shown in the reports.")
    var reference: String?

    @Option(name: .customLong("prepared-by"), help: "Author shown in the reports and their sign-off block.")
    var preparedBy: String?

    @Option(help: "A paragraph of remarks shown in the reports.")
    var remarks: String?

    @Option(help: "Servers to list: all, or problems (only servers that are not consistent; totals stay over all).")
    var include: String?

    @Option(
        name: .customLong("max-age"),
        help: "Mark servers verified longer ago than this (e.g. 36h, 7d) as stale in every report (max_age:).")
    var maxAge: DurationArgument?

    @Option(help: "Chromium (or Chrome) to print the pdf format with; default: chromium on PATH.")
    var chromium: String?

    @Option(
        name: .customLong("pdf-timeout"),
        help: "Seconds Chromium may take to print one PDF (default 300, or pdf_timeout:); never past --deadline.")
    var pdfTimeout: Int?

    func validate() throws {
        if let pdfTimeout, !ReportConfiguration.pdfTimeoutRange.contains(pdfTimeout) {
            throw ValidationError("--pdf-timeout must be a whole number of seconds from 1 to 86400")
        }
    }

    /// How long Chromium may print one report: `--pdf-timeout`, else the config's `pdf_timeout:`, else 300 s.
    func pdfTimeLimit(_ configuration: ReportConfiguration) -> Duration {
        .seconds(pdfTimeout ?? configuration.pdfTimeout ?? 300)
    }

    /// `reports` with these flags put over their settings; exit 2 for a bad time zone or include value.
    func apply(to reports: [ReportDefinition]) throws -> [ReportDefinition] {
        var zone: ReportTimeZone?
        if let timezone {
            guard let parsed = ReportTimeZone(identifier: timezone) else {
                throw ConfigurationError("--timezone: " + ReportTimeZone.problem(timezone))
            }
            zone = parsed
        }
        var included: ReportInclude?
        if let include {
            guard let parsed = ReportInclude(rawValue: include.lowercased()) else {
                throw ConfigurationError("--include: must be all or problems, not '\(include)'")
            }
            included = parsed
        }
        let flags = HandoverContext(
            customer: customer, project: project, reference: reference, preparedBy: preparedBy, remarks: remarks)
        return reports.map { report in
            var report = report
            if let zone { report.timeZone = zone }
            if let included { report.include = included }
            if let maxAge { report.maxAge = maxAge.seconds }
            report.handover = report.handover.overridden(by: flags)
            return report
        }
    }

    /// The browser that prints PDFs when some report has the pdf format (``PDFBrowser/find(given:for:)``).
    func browser(for reports: [ReportDefinition]) throws -> String? {
        try PDFBrowser.find(given: chromium, for: reports)
    }
}
