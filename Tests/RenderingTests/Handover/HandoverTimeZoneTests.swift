import Foundation
import ReportModel
import Testing

@testable import Rendering

/// Every shown time is in the report's zone and says so: HTML, CSV (ISO 8601 with offset), XLSX (local serials,
/// the zone in the header).
@Suite struct HandoverTimeZoneTests {
    @Test func htmlShowsBeijingTimeInChinese() throws {
        let context = try HandoverRendering.context(HandoverRendering.report(.zhCN, zone: "Asia/Shanghai"))
        let html = try HandoverRendering.text(HTMLReportRenderer(), context)
        // Generated 2026-11-18T11:06:40Z = 19:06:40 Beijing time; web-01 verified 05:33:20Z = 13:33:20.
        #expect(html.contains("2026-11-18 19:06:40 (北京时间 UTC+08:00)"))
        #expect(html.contains("校验时间\u{200B}（北京时间）"))
        #expect(html.contains(">2026-11-18 13:33:20<"))
        #expect(html.contains("所有日期和时间均为北京时间。"))
        #expect(!html.contains("11:06:40"))
    }

    @Test func htmlInUTCSaysUTC() throws {
        let html = try HandoverRendering.text(
            HTMLReportRenderer(), HandoverRendering.context(HandoverRendering.report()))
        #expect(html.contains("2026-11-18 11:06:40 (UTC)"))
        #expect(html.contains("Verified at (UTC)"))
        #expect(html.contains("All dates and times are in UTC."))
    }

    @Test func csvTimesCarryTheirOffset() throws {
        for (zone, expected) in [
            ("UTC", "2026-11-18T05:33:20Z"), ("Asia/Shanghai", "2026-11-18T13:33:20+08:00"),
            ("Europe/Berlin", "2026-11-18T06:33:20+01:00"),
        ] {
            let context = try HandoverRendering.context(HandoverRendering.report(formats: [.csv], zone: zone))
            let csv = try HandoverRendering.text(CSVReportRenderer(), context)
            let web = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("web-01,") })
            #expect(web.split(separator: ",", omittingEmptySubsequences: false)[9] == expected[...], "\(zone)")
            #expect(csv.hasPrefix("Source server,"))
            #expect(csv.contains("Verified at (\(zone))"))
        }
    }

    @Test func berlinSummerAndWinterInOneReport() throws {
        var snapshot = HTMLRendering.plain()
        snapshot.tasks[0].finishedTime = 1_782_872_100_000  // 2026-07-01T02:15:00Z, CEST
        snapshot.tasks[1].finishedTime = 1_796_091_300_000  // 2026-12-01T02:15:00Z, CET
        let context = try HandoverRendering.context(
            HandoverRendering.report(formats: [.csv], zone: "Europe/Berlin"), snapshot: snapshot)
        let csv = try HandoverRendering.text(CSVReportRenderer(), context)
        #expect(csv.contains(",2026-07-01T04:15:00+02:00,"))
        #expect(csv.contains(",2026-12-01T03:15:00+01:00,"))
    }

    @Test func xlsxDatesHoldLocalTimeAndTheHeaderNamesTheZone() throws {
        let context = try HandoverRendering.context(
            HandoverRendering.report(.zhCN, formats: [.xlsx], zone: "Asia/Shanghai"))
        let workbook = try WorkbookReader(url: HandoverRendering.render(XLSXReportRenderer(), context)[0])
        let servers = try workbook.rows(ofSheet: 2)
        #expect(servers[0][9].value == "校验时间（北京时间）")
        let web = try #require(servers.first { $0.first?.value == "web-01" })
        let local = Date(timeIntervalSince1970: 1_794_980_000 + 8 * 3600)
        #expect(Double(web[9].value) == XLSXText.serial(local))
        let overview = try workbook.rows(ofSheet: 1)
        let generated = try #require(overview.first { $0.first?.value.hasPrefix("生成时间") == true })
        #expect(generated[0].value == "生成时间 (北京时间)")
        #expect(Double(generated[1].value) == XLSXText.serial(Date(timeIntervalSince1970: 1_795_000_000 + 8 * 3600)))
    }
}
