import Foundation
import ReportModel
import Testing

@testable import Rendering

/// Context fields, the method statement, `include: problems`, empty cells for servers without data, and the
/// tool's own words in Chinese, in each format.
@Suite struct HandoverContentTests {
    @Test func contextFieldsAreInTheHTMLHeaderEscapedAndTheSignOffIsPrintOnly() throws {
        let report = HandoverRendering.report(handover: HandoverRendering.hostileContext)
        let html = try HandoverRendering.text(HTMLReportRenderer(), HandoverRendering.context(report))
        let masthead = try #require(
            HTMLRendering.matches(of: #"<header class="masthead">[\s\S]*?</header>"#, in: html).first)
        #expect(masthead.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ACME&quot;"))
        #expect(masthead.contains("=HYPERLINK(&quot;http://evil.example&quot;)"))
        #expect(masthead.contains("O'Brien &lt;b&gt;bold&lt;/b&gt;"))
        #expect(masthead.contains("Line two &lt;/style&gt; &lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("\u{0007}"))
        for label in ["Customer", "Project", "Reference", "Prepared by", "Remarks"] {
            #expect(masthead.contains(label))
        }
        // Data creates no element: the only img/script tags are the frame's own.
        #expect(HTMLRendering.tags(html).filter { $0.hasPrefix("<img") }.isEmpty)
        let signOff = try #require(
            HTMLRendering.matches(of: #"<section id="signoff"[\s\S]*?</section>"#, in: html).first)
        #expect(signOff.contains("Approved by") && signOff.contains("O'Brien &lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains(".signoff { display: none; }"))
    }

    @Test func contextFieldsAndMethodAreInTheXLSXOverview() throws {
        let report = HandoverRendering.report(.zhCN, formats: [.xlsx], handover: HandoverRendering.hostileContext)
        let workbook = try WorkbookReader(
            url: HandoverRendering.render(XLSXReportRenderer(), HandoverRendering.context(report))[0])
        let overview = try workbook.rows(ofSheet: 1).map { $0.map(\.value) }
        #expect(overview.contains(["客户", "<script>alert(1)</script> & \"ACME\""]))
        #expect(overview.contains(["变更/工单号", "=HYPERLINK(\"http://evil.example\")"]))
        #expect(overview.contains(["编制人", "O'Brien <b>bold</b>"]))
        #expect(overview.contains { $0.first == "“一致”的含义" })
        let text = overview.flatMap { $0 }.joined(separator: "\n")
        #expect(text.contains("文件数量、文件大小和修改时间"))
        #expect(text.contains("1024 字节"))
        #expect(text.contains("非 ASCII 字符"))
        #expect(text.contains("日志目录"))
    }

    @Test func methodStatementIsVisibleInHTMLInBothLanguages() throws {
        let en = try HandoverRendering.text(HTMLReportRenderer(), HandoverRendering.context(HandoverRendering.report()))
        let method = try #require(HTMLRendering.matches(of: #"<section id="method"[\s\S]*?</section>"#, in: en).first)
        for phrase in [
            "number of files, their sizes and their modification times", "non-ASCII", "1,024 bytes", "log directories",
        ] {
            #expect(method.contains(phrase), "\(phrase)")
        }
        let zh = try HandoverRendering.text(
            HTMLReportRenderer(), HandoverRendering.context(HandoverRendering.report(.zhCN)))
        #expect(zh.contains("<h2 id=\"method-h\">“一致”的含义</h2>"))
    }

    @Test func includeProblemsListsOnlyProblemsButTotalsStayOverAll() throws {
        let report = HandoverRendering.report(formats: [.html, .csv, .xlsx], include: .problems)
        let context = try HandoverRendering.context(report)
        let html = try HandoverRendering.text(HTMLReportRenderer(), context)
        #expect(!html.contains(">db-01<"))
        #expect(html.contains(">web-01<") && html.contains(">app-01<") && html.contains(">cache-01<"))
        #expect(
            html.contains("lists only the 3 servers that are not consistent; the totals and charts cover all 4 servers")
        )
        #expect(html.contains("<dt>Consistent</dt><dd class=\"card-value\">1</dd>"))
        let csv = try HandoverRendering.text(CSVReportRenderer(), context)
        #expect(csv.split(separator: "\r\n").count == 4)
        #expect(!csv.contains("db-01"))
        let workbook = try WorkbookReader(url: HandoverRendering.render(XLSXReportRenderer(), context)[0])
        #expect(try workbook.rows(ofSheet: 2).count == 4)
        let overview = try workbook.rows(ofSheet: 1).map { $0.map(\.value) }
        #expect(overview.contains { $0.last?.contains("cover all 4 servers") == true })
        #expect(overview.contains(["Consistent", "1"]))
    }

    @Test func serversWithoutDataShowEmptyCellsNeverZero() throws {
        let context = try HandoverRendering.context(HandoverRendering.report(formats: [.csv, .xlsx, .html]))
        let csv = try HandoverRendering.text(CSVReportRenderer(), context)
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let app = try #require(rows.first { $0.first == "app-01" })  // not verified
        let cache = try #require(rows.first { $0.first == "cache-01" })  // error
        let db = try #require(rows.first { $0.first == "db-01" })  // consistent
        #expect(app[4...8].allSatisfy { $0.isEmpty })
        #expect(cache[4...8].allSatisfy { $0.isEmpty })
        #expect(db[4...8] == ["1", "800", "0", "0", "0"])

        let workbook = try WorkbookReader(url: HandoverRendering.render(XLSXReportRenderer(), context)[0])
        let sheet = try workbook.rows(ofSheet: 2)
        let appCells = try #require(sheet.first { $0.first?.value == "app-01" })
        #expect(appCells[4...8].allSatisfy { $0.value.isEmpty && $0.type == nil })

        let html = try HandoverRendering.text(HTMLReportRenderer(), context)
        let appRow = try #require(
            HTMLRendering.matches(of: #"<tr data-status="not_verified">[\s\S]*?</tr>"#, in: html).first)
        #expect(HTMLRendering.count(">—</td>", in: appRow) >= 5)
        #expect(!appRow.contains(">0</td>"))
    }

    @Test func chineseReportsLocalizeTheToolsOwnErrorWords() throws {
        let snapshot = try HTMLRendering.hostile()
        let context = try HandoverRendering.context(
            HandoverRendering.report(.zhCN, formats: [.html, .csv]), snapshot: snapshot)
        for renderer: any ReportRenderer in [HTMLReportRenderer(), CSVReportRenderer(), XLSXReportRenderer()] {
            let files = try HandoverRendering.render(renderer, context)
            let text: String
            if renderer.format == .xlsx {
                let workbook = try WorkbookReader(url: files[0])
                text = try (1...4).flatMap { try workbook.rows(ofSheet: $0).flatMap { $0.map(\.value) } }.joined(
                    separator: "\n")
            } else {
                text = try String(contentsOf: files[0], encoding: .utf8)
            }
            #expect(!text.contains("unrecognized response"), "\(renderer.format)")
            #expect(text.contains("无法识别的响应"), "\(renderer.format)")
        }
        // In English the tool's words stay as they are.
        let en = try HandoverRendering.context(HandoverRendering.report(formats: [.csv]), snapshot: snapshot)
        #expect(try HandoverRendering.text(CSVReportRenderer(), en).contains("unrecognized response"))
    }

    @Test func chineseStringsUseTheConsoleTermsAndKeepHeadersWhole() throws {
        let zh = try HandoverRendering.text(
            HTMLReportRenderer(), HandoverRendering.context(HandoverRendering.report(.zhCN)))
        #expect(zh.contains("终端节点"))
        #expect(!zh.contains("服务地址"))
        #expect(zh.contains(":lang(zh) .grid th { word-break: keep-all; }"))
    }

    @Test func twelveDigitTotalsGetTheSmallerCardSizes() throws {
        var snapshot = HTMLRendering.plain()
        snapshot.tasks[1].directories = [DirectoryResult(path: "/big", counts: FileCounts(total: 999_999_999_999))]
        let html = try HandoverRendering.text(
            HTMLReportRenderer(), HandoverRendering.context(HandoverRendering.report(), snapshot: snapshot))
        #expect(html.contains("<dd class=\"card-value xlong\">1,000,000,001,199</dd>"))
        #expect(html.contains("font-size=\"26\">4</text>"))
        #expect(HTMLPage.ringTotalSize("100,000") == 16)
        #expect(HTMLPage.ringTotalSize("100,000,000,000") == 7)
        #expect(HTMLPrintStyle.cssString("a\"</style>\u{1}中") == "\"a\\000022\\00003C\\00002Fstyle\\00003E\\004E2D\"")
    }
}

/// Chinese headers wrap only at the marked word boundaries in HTML; CSV and XLSX carry no mark.
@Suite struct HandoverHeaderBreakTests {
    @Test func breakMarksAreInHTMLHeadersOnly() throws {
        let context = try HandoverRendering.context(HandoverRendering.report(.zhCN, formats: [.html, .csv]))
        let html = try HandoverRendering.text(HTMLReportRenderer(), context)
        #expect(html.contains(">不一致\u{200B}文件数</th>"))
        #expect(html.contains(">目的端\u{200B}缺少\u{200B}文件数</th>"))
        let csv = try HandoverRendering.text(CSVReportRenderer(), context)
        #expect(!csv.contains("\u{200B}"))
        #expect(csv.contains(",不一致文件数,目的端缺少文件数,"))
        #expect(context.strings[.columnDifferentFiles] == "不一致文件数")
    }
}
