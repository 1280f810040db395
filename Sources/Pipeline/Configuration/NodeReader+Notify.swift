import ReportModel
import Yams

extension NodeReader {
    /// The keys of a `notify:` entry (SPEC 8.3).
    static let notifyKeys: Set<String> = [
        "type", "url", "url_env", "secret", "secret_env", "on", "language", "to", "from", "attach",
        "max_attachment_mb", "sendmail",
    ]

    /// Reads `notify:`, a list of entries; each problem names the key and its line, never a URL or a secret.
    mutating func notifications(_ node: Node) -> [NotificationEntry] {
        guard let sequence = node.sequence else {
            fail(node, "notify must be a list of entries")
            return []
        }
        return sequence.compactMap { notification($0) }
    }

    private mutating func notification(_ item: Node) -> NotificationEntry? {
        guard let mapping = item.mapping else {
            fail(item, "a notify entry must be a mapping with type and url (or to: for email)")
            return nil
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard Self.notifyKeys.contains(key) else {
                fail(
                    keyNode,
                    "unknown notify setting '\(key)' (known: \(Self.notifyKeys.sorted().joined(separator: ", ")))")
                continue
            }
            values[key] = value
        }
        let kinds = NotificationEntry.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let typeNode = values["type"] else {
            fail(item, "a notify entry needs a type (\(kinds))")
            return nil
        }
        guard let typeText = string(typeNode, "type"),
            let kind = NotificationEntry.Kind(rawValue: typeText.lowercased())
        else {
            fail(typeNode, "type must be one of \(kinds)")
            return nil
        }
        var entry = NotificationEntry(kind: kind)
        readTarget(values, item: item, into: &entry)
        if let node = values["on"], let text = string(node, "on") {
            if let condition = NotificationEntry.Condition(rawValue: text.lowercased()) {
                entry.condition = condition
            } else {
                fail(node, "on must be always, problems, changes or failure")
            }
        }
        if let node = values["language"] {
            if let text = string(node, "language"), let language = ReportLanguage(rawValue: text.lowercased()) {
                entry.language = language
            } else {
                fail(node, "language must be en-us or zh-cn")
            }
        }
        readEmail(values, item: item, into: &entry)
        return entry
    }

    /// `url`/`url_env` and `secret`/`secret_env`: one of each pair, secrets only for the robots that sign.
    private mutating func readTarget(_ values: [String: Node], item: Node, into entry: inout NotificationEntry) {
        let kind = entry.kind
        if kind == .email {
            for key in ["url", "url_env", "secret", "secret_env"] {
                if let node = values[key] { fail(node, "\(key) is not used by type email (it sends through sendmail)") }
            }
            return
        }
        entry.url = values["url"].flatMap { string($0, "url") }
        entry.urlEnvironment = values["url_env"].flatMap { variable($0, "url_env") }
        if let node = values["url"], let url = entry.url, !Self.isHTTPURL(url) {
            fail(node, "url must be an http:// or https:// URL")
        }
        switch (values["url"], values["url_env"]) {
        case (nil, nil): fail(item, "a \(kind.rawValue) entry needs url or url_env")
        case (.some, .some(let node)): fail(node, "url and url_env are both given; keep one")
        default: break
        }
        entry.secret = values["secret"].flatMap { string($0, "secret") }
        entry.secretEnvironment = values["secret_env"].flatMap { variable($0, "secret_env") }
        for key in ["secret", "secret_env"] {
            if let node = values[key], kind != .dingtalk, kind != .feishu {
                fail(node, "\(key) is only for dingtalk and feishu (their signing secret)")
            }
        }
        if values["secret"] != nil, let node = values["secret_env"] {
            fail(node, "secret and secret_env are both given; keep one")
        }
        for key in ["to", "from", "attach", "max_attachment_mb", "sendmail"] {
            if let node = values[key] { fail(node, "\(key) is only for type email") }
        }
    }

    /// `to`, `from`, `attach`, `max_attachment_mb` and `sendmail` of an e-mail entry.
    private mutating func readEmail(_ values: [String: Node], item: Node, into entry: inout NotificationEntry) {
        guard entry.kind == .email else { return }
        if let node = values["to"] {
            let items = node.sequence.map { Array($0) } ?? [node]
            entry.to = items.compactMap { address($0, "to") }
            if items.isEmpty { fail(node, "to: the list is empty") }
        } else {
            fail(item, "an email entry needs to: (one address or a list)")
        }
        entry.from = values["from"].flatMap { address($0, "from") }
        if let node = values["attach"] {
            let items = node.sequence.map { Array($0) } ?? [node]
            for item in items {
                guard let text = item.scalar?.string, let format = ReportFormat(rawValue: text.lowercased()) else {
                    fail(item, "attach: each must be html, xlsx, csv, pdf or junit")
                    continue
                }
                if !entry.attach.contains(format) { entry.attach.append(format) }
            }
        }
        if let node = values["max_attachment_mb"], let limit = integer(node, "max_attachment_mb", in: 0...100) {
            entry.maxAttachmentMB = limit
        }
        if let node = values["sendmail"], let path = string(node, "sendmail") {
            if path.hasPrefix("/") { entry.sendmail = path } else { fail(node, "sendmail must be an absolute path") }
        }
    }

    /// An environment variable's name: letters, digits and `_`, not starting with a digit.
    private mutating func variable(_ node: Node, _ key: String) -> String? {
        guard let name = string(node, key) else { return nil }
        let valid =
            !name.isEmpty && !name.first!.isNumber
            && name.unicodeScalars.allSatisfy { $0.isASCII && (Self.isASCIIAlphanumeric($0) || $0 == "_") }
        guard valid else {
            fail(node, "\(key) must name an environment variable (letters, digits and _)")
            return nil
        }
        return name
    }

    /// An e-mail address on one line with an `@`.
    private mutating func address(_ node: Node, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        guard text.contains("@"), !text.contains(where: { $0.isNewline || $0 == "," }) else {
            fail(node, "\(key): each must be one e-mail address")
            return nil
        }
        return text
    }

    /// Whether `scalar` is an ASCII letter or digit.
    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Whether `text` is an absolute http(s) URL (`report_url`, `url`, `ping_url`).
    static func isHTTPURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !text.contains(where: \.isWhitespace)
    }

    /// Reads an http(s) URL setting (`report_url`, `ping_url`); `secret` keeps the value out of the message.
    mutating func httpURL(_ node: Node, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        guard Self.isHTTPURL(text) else {
            fail(node, "\(key) must be an http:// or https:// URL")
            return nil
        }
        return text
    }
}
