import Foundation
import ReportModel
import Testing

@testable import Rendering

/// Every word comes from the report language's string table.
@Suite struct HTMLLocalizationTests {
    @Test func chineseReportUsesChineseWords() throws {
        let html = try HTMLRendering.render(HTMLRendering.plain(), language: .zhCN).text
        for word in [
            "一致", "不一致", "未校验", "错误", "迁移一致性校验报告", "源端服务器", "目录详情", "未能获取的校验结果",
            "一致率", "2026-11-18 11:06:40 (UTC)", "由 smsreport 9.9.9 生成", "以英文导出：接口不接受中文",
        ] {
            #expect(html.contains(word), "missing \(word)")
        }
    }

    @Test func chineseReportHasNoEnglishWords() throws {
        let templates = HTMLRendering.templates()
        let english = try templates.strings(for: .enUS)
        let chinese = try templates.strings(for: .zhCN)
        let html = try HTMLRendering.render(HTMLRendering.plain(), language: .zhCN).text
        let text = html.replacingOccurrences(
            of: #"<style>[\s\S]*?</style>|<script>[\s\S]*?</script>"#, with: "",
            options: .regularExpression)
        for key in StringKey.allCases where english[key] != chinese[key] {
            let word = english[key].components(separatedBy: "{")[0].trimmingCharacters(in: .whitespaces)
            guard word.count > 3 else { continue }
            #expect(!text.contains(word), "English \"\(word)\" (\(key.rawValue)) in the zh-cn report")
        }
    }

    @Test func everyStatusWordHasItsBadge() throws {
        let strings = try HTMLRendering.templates().strings(for: .zhCN)
        let html = try HTMLRendering.render(HTMLRendering.plain(), language: .zhCN).text
        // The plain fixture has no waivers; the accepted badge is checked in WaiverRenderingTests.
        for status in ServerStatus.allCases where status != .accepted {
            #expect(html.contains("<span class=\"badge s-\(status.rawValue)\">\(strings.status(status))</span>"))
        }
    }
}
