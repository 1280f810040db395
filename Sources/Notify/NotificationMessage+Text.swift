import Foundation

// The platform-neutral renderings of a message: Markdown (WeCom, DingTalk, Teams' text blocks), Slack's mrkdwn,
// plain text and HTML (e-mail). Each escapes what its reader would otherwise take as markup.

extension NotificationMessage {
    /// Markdown as WeCom's and DingTalk's robots read it: a heading, then `**label:** text` lines and lists.
    public func markdown() -> String {
        var lines = ["## " + Self.markdownEscaped(title), ""]
        for section in sections {
            if let heading = section.heading { lines += ["", "### " + Self.markdownEscaped(heading)] }
            for line in section.lines {
                let bullet = section.heading == nil ? "" : "- "
                let label = line.label.map { "**\(Self.markdownEscaped($0)):** " } ?? ""
                let text =
                    line.link.map { "[\(Self.markdownEscaped(line.text))](\($0))" } ?? Self.markdownEscaped(line.text)
                lines.append(bullet + label + text)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Slack's mrkdwn: `*bold*`, `<url|text>` links, and `&`, `<`, `>` escaped as Slack documents.
    public func slackText() -> String {
        var lines = ["*" + Self.slackEscaped(title) + "*"]
        for section in sections {
            if let heading = section.heading { lines += ["", "*" + Self.slackEscaped(heading) + "*"] }
            for line in section.lines {
                let bullet = section.heading == nil ? "" : "• "
                let label = line.label.map { Self.slackEscaped($0) + ": " } ?? ""
                let text = line.link.map { "<\($0)|\(Self.slackEscaped(line.text))>" } ?? Self.slackEscaped(line.text)
                lines.append(bullet + label + text)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Plain text for the e-mail's text part.
    public func plainText() -> String {
        var lines = [title, String(repeating: "=", count: min(title.count, 72))]
        for section in sections {
            if let heading = section.heading { lines += ["", heading] }
            for line in section.lines {
                let bullet = section.heading == nil ? "" : "- "
                lines.append(bullet + (line.label.map { "\($0): " } ?? "") + line.text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A small HTML document for the e-mail's HTML part; every value is escaped.
    public func html() -> String {
        var body = ["<h2>\(Self.htmlEscaped(title))</h2>"]
        for section in sections {
            if let heading = section.heading { body.append("<h3>\(Self.htmlEscaped(heading))</h3>") }
            body.append(section.heading == nil ? "<p>" : "<ul>")
            for line in section.lines {
                let label = line.label.map { "<b>\(Self.htmlEscaped($0)):</b> " } ?? ""
                let text =
                    line.link.map { "<a href=\"\(Self.htmlEscaped($0))\">\(Self.htmlEscaped(line.text))</a>" }
                    ?? Self.htmlEscaped(line.text)
                body.append(section.heading == nil ? "\(label)\(text)<br>" : "<li>\(label)\(text)</li>")
            }
            body.append(section.heading == nil ? "</p>" : "</ul>")
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.bcp47)"><head><meta charset="utf-8"><title>\(Self.htmlEscaped(title))</title></head>
            <body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    /// Backslash before Markdown's emphasis, code and link characters; `<` and `>` as entities (WeCom reads
    /// `<font>` tags).
    static func markdownEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]": result += "\\\(character)"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Slack's three control characters as entities (its formatting reference, "Escaping text").
    static func slackEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// HTML's five special characters as entities.
    static func htmlEscaped(_ text: String) -> String {
        slackEscaped(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
