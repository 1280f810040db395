import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The stale mark (SPEC 9) in every format and both languages, over the plain snapshot: web-01 (inconsistent)
/// and db-01 (consistent) were verified 10,000 s (2 h 46 min) before the run started; app-01 (not verified) and
/// cache-01 (error) have no data and are never stale.
@Suite struct FreshnessRenderingTests {
    static func context(
        _ language: ReportLanguage, formats: [ReportFormat], maxAge: TimeInterval?
    ) throws -> RenderContext {
        var report = HandoverRendering.report(language, formats: formats)
        report.maxAge = maxAge
        return try HandoverRendering.context(report)
    }

    /// The CSV's rows as fields (the plain snapshot has no comma or quote in a field).
    static func csvRows(_ context: RenderContext) throws -> [[String]] {
        try HandoverRendering.text(CSVReportRenderer(), context).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test(arguments: [(ReportLanguage.enUS, "Stale", "yes", "no"), (.zhCN, "校验已过期", "是", "否")])
    func csvGainsALastColumnOnlyWithMaxAge(language: ReportLanguage, header: String, yes: String, no: String) throws {
        let plain = try Self.csvRows(Self.context(language, formats: [.csv], maxAge: nil))
        #expect(plain.allSatisfy { $0.count == 11 })

        let rows = try Self.csvRows(Self.context(language, formats: [.csv], maxAge: 3600))
        #expect(rows.allSatisfy { $0.count == 12 })
        #expect(rows[0].last == header)
        // Everything before the new column is the same as without max_age.
        #expect(rows.map { Array($0.prefix(11)) } == plain)
        let stale = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0[11]) })
        #expect(stale == ["web-01": yes, "db-01": yes, "app-01": no, "cache-01": no])

        // 10,000 s is exactly max_age: not older, so fresh.
        let boundary = try Self.csvRows(Self.context(language, formats: [.csv], maxAge: 10_000))
        #expect(boundary.dropFirst().allSatisfy { $0[11] == no })
    }

    @Test(arguments: [
        (ReportLanguage.enUS, "stale, verified 2 hours ago"), (.zhCN, "校验已过期，2 小时前校验"),
    ])
    func htmlMarksStaleServersBesideTheirStatus(language: ReportLanguage, mark: String) throws {
        let html = try HandoverRendering.text(
            HTMLReportRenderer(), Self.context(language, formats: [.html], maxAge: 3600))
        for status in ["inconsistent", "consistent"] {
            let row = try #require(
                HTMLRendering.matches(of: "<tr data-status=\"\(status)\">[\\s\\S]*?</tr>", in: html).first)
            #expect(row.contains("<span class=\"line sub stale\">\(mark)</span>"), "\(status)")
        }
        for status in ["not_verified", "error"] {
            let row = try #require(
                HTMLRendering.matches(of: "<tr data-status=\"\(status)\">[\\s\\S]*?</tr>", in: html).first)
            #expect(!row.contains("stale"), "\(status)")
        }
        // The directory details repeat the mark after the badge; the status words are unchanged.
        #expect(html.contains("<span class=\"stale\">\(mark)</span>"))
        #expect(html.contains(".sub.stale { display: block; }"))
    }

    @Test func htmlWithoutMaxAgeOrWithFreshServersHasNoMark() throws {
        let none = try HandoverRendering.text(HTMLReportRenderer(), Self.context(.enUS, formats: [.html], maxAge: nil))
        #expect(!none.contains("class=\"line sub stale\"") && !none.contains(".sub.stale"))
        let fresh = try HandoverRendering.text(
            HTMLReportRenderer(), Self.context(.enUS, formats: [.html], maxAge: 7 * 86_400))
        #expect(!fresh.contains("class=\"line sub stale\""))
        #expect(!fresh.contains("stale, verified"))
    }

    @Test(arguments: [
        (ReportLanguage.enUS, "Stale", "stale, verified 2 hours ago", "no"), (.zhCN, "校验已过期", "校验已过期，2 小时前校验", "否"),
    ])
    func xlsxServersSheetGainsTheMarkColumn(language: ReportLanguage, header: String, mark: String, no: String) throws {
        let context = try Self.context(language, formats: [.xlsx], maxAge: 3600)
        let workbook = try WorkbookReader(url: HandoverRendering.render(XLSXReportRenderer(), context)[0])
        let sheet = try workbook.rows(ofSheet: 2)
        #expect(sheet[0].count == 12)
        #expect(sheet[0][11].value == header)
        let web = try #require(sheet.first { $0.first?.value == "web-01" })
        let app = try #require(sheet.first { $0.first?.value == "app-01" })
        #expect(web[11].value == mark)
        #expect(app[11].value == no)
        // Figures stay numbers.
        #expect(web[5].value == "1200" && web[5].type == nil)

        let plain = try WorkbookReader(
            url: HandoverRendering.render(XLSXReportRenderer(), Self.context(language, formats: [.xlsx], maxAge: nil))[
                0])
        #expect(try plain.rows(ofSheet: 2)[0].count == 11)
    }

    /// Printed, the mark stays for the consistent server too: web-01's row in the table of problem servers, and
    /// db-01 in the list of consistent servers by name.
    @Test(
        .enabled(
            if: HandoverPrintTests.chromium != nil && HandoverPrintTests.poppler, "needs chromium and poppler-utils"),
        .timeLimit(.minutes(2)))
    func pdfPrintsTheMarkForEveryStaleServer() throws {
        var context = try Self.context(.enUS, formats: [.pdf], maxAge: 3600)
        context.options.browser = HandoverPrintTests.chromium
        let pdf = try HandoverRendering.render(PDFReportRenderer(), context)[0]
        let text = HandoverPrintTests.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]).output
        #expect(HTMLRendering.count("hours", in: text) >= 2, "\(text)")
        let named = try #require(
            text.split(separator: "\n").first { $0.contains("db-01") && !$0.contains("Consistent") })
        #expect(named.contains("stale, verified 2 hours"), "\(named)")
    }
}
