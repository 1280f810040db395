import Foundation

/// One RFC 5322 message built by hand: `multipart/alternative` (text and HTML, UTF-8, Base64), inside
/// `multipart/mixed` when files are attached; a non-ASCII subject as RFC 2047 encoded words.
///
/// Lines end in LF: `sendmail -t -i` takes the local convention and turns it into CRLF on the wire.
public struct MailMessage: Sendable {
    /// One attached file.
    public struct Attachment: Sendable {
        public var filename: String
        public var contentType: String
        public var data: Data

        /// A file to attach under `filename`.
        public init(filename: String, contentType: String, data: Data) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public var from: String
    public var to: [String]
    public var subject: String
    public var date: Date
    /// The `Message-ID` without its angle brackets, e.g. `uuid@host`.
    public var messageID: String
    public var text: String
    public var html: String
    public var attachments: [Attachment]

    /// A message; the ID is made from a random UUID and `host`.
    public init(
        from: String, to: [String], subject: String, date: Date, host: String, text: String, html: String,
        attachments: [Attachment] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        let domain = host.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        self.messageID = "\(UUID().uuidString.lowercased())@\(domain.isEmpty ? "localhost" : domain)"
        self.text = text
        self.html = html
        self.attachments = attachments
    }

    /// The message's bytes.
    public func data() -> Data {
        let token = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let alternativeBoundary = "=_alt_\(token)"
        let mixedBoundary = "=_mix_\(token)"
        var lines = [
            "From: \(Self.headerSafe(from))",
            "To: \(to.map(Self.headerSafe).joined(separator: ", "))",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        let alternative =
            [
                "Content-Type: multipart/alternative; boundary=\"\(alternativeBoundary)\"", "",
                "--\(alternativeBoundary)",
            ] + Self.textPart("text/plain", text) + ["--\(alternativeBoundary)"] + Self.textPart("text/html", html)
            + ["--\(alternativeBoundary)--"]
        if attachments.isEmpty {
            lines += alternative
        } else {
            lines += ["Content-Type: multipart/mixed; boundary=\"\(mixedBoundary)\"", "", "--\(mixedBoundary)"]
            lines += alternative
            for attachment in attachments {
                let name = Self.headerSafe(attachment.filename).replacingOccurrences(of: "\"", with: "")
                lines += [
                    "--\(mixedBoundary)",
                    "Content-Type: \(attachment.contentType); name=\"\(name)\"",
                    "Content-Disposition: attachment; filename=\"\(name)\"",
                    "Content-Transfer-Encoding: base64", "",
                    Self.base64Lines(attachment.data),
                ]
            }
            lines.append("--\(mixedBoundary)--")
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func textPart(_ type: String, _ body: String) -> [String] {
        ["Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: base64", "", base64Lines(Data(body.utf8))]
    }

    /// Base64 in lines of 76 characters (RFC 2045).
    static func base64Lines(_ data: Data) -> String {
        let encoded = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        return encoded.isEmpty ? "" : encoded
    }

    /// A header value without line breaks, so no value can add a header.
    static func headerSafe(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" }.map(Character.init))
    }

    /// `text` as is when it is short printable ASCII, else RFC 2047 `=?UTF-8?B?…?=` words of at most 75
    /// characters, split between characters and folded onto continuation lines.
    static func encodedWords(_ text: String) -> String {
        let clean = headerSafe(text)
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), clean.count <= 66,
            !clean.contains("=?")
        {
            return clean
        }
        // 45 bytes of UTF-8 make 60 Base64 characters: with `=?UTF-8?B?` and `?=` a word stays within 75.
        var words: [String] = []
        var chunk = Data()
        for character in clean {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk.base64EncodedString())
                chunk = Data()
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk.base64EncodedString()) }
        return words.map { "=?UTF-8?B?\($0)?=" }.joined(separator: "\n ")
    }

    /// `Mon, 07 Dec 2026 02:15:00 +0000`, in English whatever the locale.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = String(format: "%02d", parts.day!)
        let time = String(format: "%04d %02d:%02d:%02d", parts.year!, parts.hour!, parts.minute!, parts.second!)
        let year = time.prefix(4)
        return "\(days[parts.weekday! - 1]), \(day) \(months[parts.month! - 1]) \(year)\(time.dropFirst(4)) +0000"
    }
}
