import Foundation
import ReportModel

/// The JSON bodies of the chat platforms as SPEC 8.3 gives them (and docs/notify.md cites the platforms' pages).
public enum ChatPayload {
    /// WeCom's limit for a markdown message's content, in bytes of UTF-8.
    public static let weComContentLimit = 4096

    /// `{"msgtype": "markdown", "markdown": {"content": …}}`, the content cut to 4,096 bytes.
    public static func weCom(_ message: NotificationMessage) -> Data {
        json(["msgtype": "markdown", "markdown": ["content": cut(message.markdown(), toBytes: weComContentLimit)]])
    }

    /// `{"msgtype": "markdown", "markdown": {"title": …, "text": …}}`.
    public static func dingTalk(_ message: NotificationMessage) -> Data {
        json(["msgtype": "markdown", "markdown": ["title": message.title, "text": message.markdown()]])
    }

    /// A `post` message in the message's language, one paragraph per line; with a signature, its `timestamp`
    /// and `sign` beside `msg_type`.
    public static func feishu(_ message: NotificationMessage, signature: FeishuSignature?) -> Data {
        var paragraphs: [[[String: String]]] = [[["tag": "text", "text": message.verdict]]]
        for section in message.sections {
            if let heading = section.heading { paragraphs.append([["tag": "text", "text": "【\(heading)】"]]) }
            for line in section.lines {
                let label = line.label.map { "\($0): " } ?? ""
                if let link = line.link {
                    paragraphs.append([["tag": "text", "text": label], ["tag": "a", "text": line.text, "href": link]])
                } else {
                    paragraphs.append([["tag": "text", "text": label + line.text]])
                }
            }
        }
        let locale = message.language == .zhCN ? "zh_cn" : "en_us"
        var body: [String: Any] = [
            "msg_type": "post",
            "content": ["post": [locale: ["title": message.title, "content": paragraphs]]],
        ]
        if let signature {
            body["timestamp"] = signature.timestamp
            body["sign"] = signature.sign
        }
        return json(body)
    }

    /// `{"text": …}` in mrkdwn.
    public static func slack(_ message: NotificationMessage) -> Data {
        json(["text": message.slackText()])
    }

    /// A Workflows message with one Adaptive Card 1.4: the title, the verdict, then a fact set per section.
    public static func teams(_ message: NotificationMessage) -> Data {
        let escape = NotificationMessage.markdownEscaped
        var body: [[String: Any]] = [
            ["type": "TextBlock", "text": escape(message.title), "size": "Large", "weight": "Bolder", "wrap": true],
            [
                "type": "TextBlock", "text": escape(message.verdict), "wrap": true,
                "color": message.isProblem ? "Attention" : "Good",
            ],
        ]
        for section in message.sections {
            if let heading = section.heading {
                body.append(["type": "TextBlock", "text": escape(heading), "weight": "Bolder", "wrap": true])
            }
            let facts = section.lines.filter { $0.label != nil }.map { line -> [String: String] in
                let value = line.link.map { "[\(escape(line.text))](\($0))" } ?? escape(line.text)
                return ["title": escape(line.label!), "value": value]
            }
            if !facts.isEmpty { body.append(["type": "FactSet", "facts": facts]) }
            for line in section.lines where line.label == nil {
                body.append(["type": "TextBlock", "text": escape(line.text), "wrap": true])
            }
        }
        let card: [String: Any] = [
            "contentType": "application/vnd.microsoft.card.adaptive",
            "content": [
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard",
                "version": "1.4", "body": body,
            ],
        ]
        return json(["type": "message", "attachments": [card]])
    }

    /// `text` within `limit` bytes of UTF-8: whole lines while they fit, then a line with "…".
    public static func cut(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let marker = "…"
        var kept = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let candidate = kept.isEmpty ? String(line) : kept + "\n" + line
            guard candidate.utf8.count + 1 + marker.utf8.count <= limit else { break }
            kept = candidate
        }
        if kept.isEmpty {
            // One line longer than the limit: cut it at a character boundary instead.
            for character in text {
                guard kept.utf8.count + String(character).utf8.count + marker.utf8.count <= limit else { break }
                kept.append(character)
            }
            return kept + marker
        }
        return kept + "\n" + marker
    }

    /// Sorted-key JSON without escaped slashes (URLs stay readable); the values are plain JSON values.
    static func json(_ object: [String: Any]) -> Data {
        // Only strings, numbers, booleans, arrays and dictionaries go in: serialization cannot fail.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
    }
}
