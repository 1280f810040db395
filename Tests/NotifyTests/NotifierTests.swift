import Crypto
import Foundation
import Notify
import ReportModel
import SMSAPI
import Testing

/// Each chat platform over real HTTP to a loopback receiver, in both languages: the payload's shape, the words of
/// the language's string table, and DingTalk's and Feishu's signatures recomputed as the platforms document them.
@Suite struct NotifierTests {
    static let languages: [ReportLanguage] = [.enUS, .zhCN]

    /// Sends one entry of `kind` in `language` and returns what the receiver got and the warnings.
    private func deliver(
        _ kind: NotificationEntry.Kind, language: ReportLanguage, secret: String? = nil,
        answer: String = #"{"errcode":0}"#
    ) async throws -> (ReceivedRequests, [RunSummary.Warning]) {
        let (server, received) = try recordingServer(body: answer)
        defer { server.stop() }
        let entry = NotificationEntry(
            kind: kind, urlEnvironment: "HOOK", secretEnvironment: secret == nil ? nil : "HOOK_SECRET",
            condition: .always)
        var environment = ["HOOK": "\(server.endpoint)/robot/send?access_token=tok123"]
        environment["HOOK_SECRET"] = secret
        let warnings = await Notifier.send(
            NotifyFixtures.summary(language: language),
            context: NotifyFixtures.context([entry], language: language, environment: environment))
        return (received, warnings)
    }

    @Test(arguments: languages)
    func weComSendsMarkdownInTheReportLanguage(language: ReportLanguage) async throws {
        let (received, warnings) = try await deliver(.wecom, language: language)
        #expect(warnings.isEmpty)
        let body = try received.json()
        #expect(body["msgtype"] as? String == "markdown")
        let content = try #require((body["markdown"] as? [String: Any])?["content"] as? String)
        let strings = NotifyFixtures.strings[language]!
        #expect(content.contains(strings.status(.inconsistent)))
        #expect(content.contains(strings[.changesNewlyInconsistent]))
        #expect(content.contains(strings.format(.notifyAndMore, 2)))
        #expect(content.contains("srv-10") && !content.contains("srv-11"))
        // Markdown characters in values are escaped, and the title's angle brackets too.
        #expect(content.contains(#"srv\_fixed\*1"#))
        #expect(content.contains("Nightly &lt;SMS&gt; check"))
        #expect(content.contains("ops-host:/srv/reports/2026-09-21"))
        #expect(content.utf8.count <= ChatPayload.weComContentLimit)
        #expect(received.all[0].line.hasPrefix("POST /robot/send?access_token=tok123 "))
    }

    @Test(arguments: languages)
    func dingTalkSignsTheQueryAsDocumented(language: ReportLanguage) async throws {
        let secret = "SECtest-signing-secret"
        let (received, warnings) = try await deliver(.dingtalk, language: language, secret: secret)
        #expect(warnings.isEmpty)
        let body = try received.json()
        #expect(body["msgtype"] as? String == "markdown")
        let markdown = try #require(body["markdown"] as? [String: Any])
        #expect(markdown["title"] as? String == "Nightly <SMS> check")
        #expect((markdown["text"] as? String)?.contains(NotifyFixtures.strings[language]!.status(.notVerified)) == true)
        let target = received.all[0].line.split(separator: " ")[1]
        let query = try #require(URLComponents(string: String(target))?.percentEncodedQueryItems)
        let timestamp = try #require(query.first { $0.name == "timestamp" }?.value)
        let sign = try #require(query.first { $0.name == "sign" }?.value)
        #expect(timestamp == "1790000200000")
        // DingTalk: Base64(HMAC-SHA256(key: secret, message: "timestamp\nsecret")), then URL-encoded.
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp)\n\(secret)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        #expect(sign.removingPercentEncoding == Data(mac).base64EncodedString())
        #expect(!sign.contains("+") && !sign.contains("/") && !sign.contains("="))
        #expect(query.first { $0.name == "access_token" }?.value == "tok123")
    }

    @Test(arguments: languages)
    func feishuSignsTheBodyAsDocumented(language: ReportLanguage) async throws {
        let secret = "feishu-secret"
        let (received, warnings) = try await deliver(
            .feishu, language: language, secret: secret, answer: #"{"code":0,"msg":"success"}"#)
        #expect(warnings.isEmpty)
        let body = try received.json()
        #expect(body["msg_type"] as? String == "post")
        let locale = language == .zhCN ? "zh_cn" : "en_us"
        let post = try #require(
            ((body["content"] as? [String: Any])?["post"] as? [String: Any])?[locale] as? [String: Any])
        #expect(post["title"] as? String == "Nightly <SMS> check")
        let paragraphs = try #require(post["content"] as? [[[String: String]]])
        let texts = paragraphs.flatMap { $0 }.compactMap { $0["text"] }
        #expect(paragraphs.flatMap { $0 }.allSatisfy { ["text", "a"].contains($0["tag"]) })
        #expect(texts.contains { $0.contains(NotifyFixtures.strings[language]!.status(.error)) })
        let timestamp = try #require(body["timestamp"] as? String)
        #expect(timestamp == "1790000200")
        // Feishu: Base64(HMAC-SHA256(key: "timestamp\nsecret", message: empty)).
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(), using: SymmetricKey(data: Data("\(timestamp)\n\(secret)".utf8)))
        #expect(body["sign"] as? String == Data(mac).base64EncodedString())
    }

    @Test(arguments: languages)
    func slackGetsEscapedMrkdwn(language: ReportLanguage) async throws {
        let (received, warnings) = try await deliver(.slack, language: language, answer: "ok")
        #expect(warnings.isEmpty)
        let text = try #require(try received.json()["text"] as? String)
        #expect(text.hasPrefix("*Nightly &lt;SMS&gt; check*"))
        #expect(text.contains(NotifyFixtures.strings[language]!.status(.consistent)))
    }

    @Test(arguments: languages)
    func teamsGetsOneAdaptiveCard(language: ReportLanguage) async throws {
        let (received, warnings) = try await deliver(.teams, language: language, answer: "")
        #expect(warnings.isEmpty)
        let body = try received.json()
        #expect(body["type"] as? String == "message")
        let attachments = try #require(body["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1)
        #expect(attachments[0]["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachments[0]["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard" && card["version"] as? String == "1.4")
        let blocks = try #require(card["body"] as? [[String: Any]])
        #expect(blocks.allSatisfy { ["TextBlock", "FactSet"].contains($0["type"] as? String ?? "") })
        let facts = blocks.compactMap { $0["facts"] as? [[String: String]] }.flatMap { $0 }
        #expect(
            facts.contains { $0["title"] == NotifyFixtures.strings[language]!.status(.accepted) && $0["value"] == "4" })
    }

    @Test func webhookPostsTheSummaryObject() async throws {
        let (received, warnings) = try await deliver(.webhook, language: .enUS, answer: "")
        #expect(warnings.isEmpty)
        let body = try received.json()
        #expect(body["exit_code"] as? Int == 4)
        #expect((body["changes"] as? [String: Any])?["resolved"] as? [String] == ["srv_fixed*1"])
        #expect(received.all[0].headers.contains { $0.lowercased().hasPrefix("content-type: application/json") })
    }

    @Test func reportURLGivesTheReportsLink() async throws {
        let entry = NotificationEntry(kind: .slack, urlEnvironment: "HOOK", condition: .always)
        let (server, received) = try recordingServer(body: "ok")
        defer { server.stop() }
        let context = NotifyFixtures.context(
            [entry], environment: ["HOOK": server.endpoint], reportURL: "https://reports.example.com/sms/")
        #expect(await Notifier.send(NotifyFixtures.summary(), context: context).isEmpty)
        let text = try #require(try received.json()["text"] as? String)
        #expect(text.contains("<https://reports.example.com/sms/2026-09-21/nightly.html|"))
    }
}
