import Foundation
import Notify
import ReportModel
import Testing

/// WeCom's 4,096-byte limit: the content is cut at a line end, with "…", never inside a character.
@Suite struct ChatPayloadTests {
    @Test func shortTextIsKept() {
        #expect(ChatPayload.cut("a\nb", toBytes: 4096) == "a\nb")
    }

    @Test func longTextIsCutAtALineEnd() {
        let line = String(repeating: "不一致", count: 30)  // 270 bytes a line
        let text = Array(repeating: line, count: 40).joined(separator: "\n")
        let cut = ChatPayload.cut(text, toBytes: 4096)
        #expect(cut.utf8.count <= 4096)
        #expect(cut.hasSuffix("\n…"))
        #expect(cut.dropLast(2).split(separator: "\n").allSatisfy { $0 == line })
    }

    @Test func oneLongLineIsCutBetweenCharacters() {
        let cut = ChatPayload.cut(String(repeating: "错", count: 2000), toBytes: 4096)
        #expect(cut.utf8.count <= 4096 && cut.hasSuffix("…") && cut.hasPrefix("错错"))
    }

    @Test func aHugeMessageStaysWithinTheLimit() throws {
        var summary = NotifyFixtures.summary()
        let long = String(repeating: "服务器", count: 120)
        summary.changes.newlyInconsistent = (1...10).map { "\(long)-\($0)" }
        summary.changes.gone = (1...10).map { "\(long)-g\($0)" }
        let message = NotificationMessage(
            summary: summary, context: NotifyFixtures.context([], language: .zhCN),
            strings: NotifyFixtures.strings[.zhCN]!)
        #expect(message.markdown().utf8.count > 4096)
        let body = try JSONSerialization.jsonObject(with: ChatPayload.weCom(message)) as? [String: Any]
        let content = try #require((body?["markdown"] as? [String: Any])?["content"] as? String)
        #expect(content.utf8.count <= 4096 && content.hasSuffix("\n…"))
    }

    @Test func durationAndVerdictAreInWords() {
        let message = NotificationMessage(
            summary: NotifyFixtures.summary(exitCode: 4), context: NotifyFixtures.context([], language: .zhCN),
            strings: NotifyFixtures.strings[.zhCN]!)
        let text = message.plainText()
        #expect(text.contains("报告已生成，但部分结果缺失（退出码 4）"))
        #expect(text.contains("2 分 5 秒"))
        // 1,790,000,000 is 2026-09-21 14:13:20 UTC: 22:13:20 in Shanghai.
        #expect(text.contains("2026-09-21 22:13:20"))
    }
}
