import Foundation

/// Replaces every form of a set of secrets in a text with `***`: raw, JSON-, Swift-, HTML- or
/// percent-escaped, and any prefix of 8 or more characters of those forms (SPEC 1, Authentication).
///
/// A secret shorter than ``minimumPrefix`` (a test token such as `tok`) is replaced only where it stands as a
/// word of its own: inside a longer word it is not that secret, and replacing it there would garble the
/// output (`"credentials_source":"token"` must not become `"***en"`).
public struct SecretRedactor: Sendable {
    /// What a secret is replaced with.
    public static let placeholder = "***"
    /// The shortest prefix of a secret that is redacted on its own; shorter secrets are redacted only whole.
    public static let minimumPrefix = 8

    /// One form of one secret, as UTF-8 bytes.
    private struct Pattern: Sendable {
        var bytes: [UInt8]
        /// False for a secret shorter than ``minimumPrefix``: only the whole form is matched.
        var matchesPrefix: Bool
    }

    /// The patterns by their first byte, so that a scan tries only the few that can start at a position.
    private let patternsByFirstByte: [UInt8: [Pattern]]
    /// The secrets this redactor was made from, without duplicates or empty strings.
    public let secrets: [String]

    /// A redactor for `secrets`; empty strings are ignored.
    public init(secrets: some Sequence<String>) {
        var unique: [String] = []
        for secret in secrets where !secret.isEmpty && !unique.contains(secret) { unique.append(secret) }
        self.secrets = unique
        var table: [UInt8: [Pattern]] = [:]
        for secret in unique {
            let prefix = secret.count >= Self.minimumPrefix
            for form in Self.forms(of: secret) {
                let bytes = Array(form.utf8)
                guard let first = bytes.first else { continue }
                table[first, default: []].append(Pattern(bytes: bytes, matchesPrefix: prefix))
            }
        }
        patternsByFirstByte = table
    }

    /// True when there is nothing to redact.
    public var isEmpty: Bool { secrets.isEmpty }

    /// `text` with every matching form or prefix replaced by ``placeholder``.
    public func redact(_ text: String) -> String {
        guard !patternsByFirstByte.isEmpty else { return text }
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var changed = false
        var index = 0
        while index < input.count {
            let length = matchLength(in: input, at: index)
            if length > 0 {
                output.append(contentsOf: Self.placeholder.utf8)
                index += length
                // A match can stop inside a multi-byte character; the rest of that character goes too.
                while index < input.count, input[index] & 0xC0 == 0x80 { index += 1 }
                changed = true
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// The longest redactable match starting at `start`, or 0.
    private func matchLength(in input: [UInt8], at start: Int) -> Int {
        guard let candidates = patternsByFirstByte[input[start]] else { return 0 }
        var best = 0
        for pattern in candidates {
            var length = 0
            let limit = min(pattern.bytes.count, input.count - start)
            while length < limit, input[start + length] == pattern.bytes[length] { length += 1 }
            let whole = length == pattern.bytes.count
            if pattern.matchesPrefix {
                if whole || length >= Self.minimumPrefix { best = max(best, length) }
            } else if whole, standsAlone(in: input, from: start, length: length) {
                best = max(best, length)
            }
        }
        return best
    }

    /// True when `input[start..<start + length]` is not part of a longer word: the bytes on both sides, if any,
    /// are not ASCII letters, digits, `_` or `-`.
    private func standsAlone(in input: [UInt8], from start: Int, length: Int) -> Bool {
        func isWordByte(_ byte: UInt8) -> Bool { Self.alphanumerics.contains(byte) || byte == 0x5F || byte == 0x2D }
        if start > 0, isWordByte(input[start - 1]) { return false }
        let end = start + length
        return end >= input.count || !isWordByte(input[end])
    }

    /// The spellings of `secret` that a log line, an error or a file might carry.
    public static func forms(of secret: String) -> Set<String> {
        var forms: Set<String> = [secret, swiftEscaped(secret, asASCII: false), swiftEscaped(secret, asASCII: true)]
        for slash in [true, false] {
            for unicode in [JSONUnicode.raw, .lowercase, .uppercase] {
                let once = jsonEscaped(secret, escapingSlash: slash, unicode: unicode)
                forms.insert(once)
                // A JSON text kept inside JSON (a raw body in results.json) is escaped twice.
                forms.insert(jsonEscaped(once, escapingSlash: slash, unicode: unicode))
            }
        }
        for uppercase in [true, false] {
            forms.insert(percentEncoded(secret, keeping: alphanumerics, uppercase: uppercase))
            forms.insert(percentEncoded(secret, keeping: unreserved, uppercase: uppercase))
            forms.insert(percentEncoded(secret, keeping: queryAllowed, uppercase: uppercase))
        }
        forms.insert(htmlEscaped(secret))
        forms.remove("")
        return forms
    }

    /// How a JSON writer spells non-ASCII characters: as they are, or as `\uXXXX` in lower or upper case.
    enum JSONUnicode { case raw, lowercase, uppercase }

    /// `text` as inside a JSON string, with `/` escaped or not and non-ASCII spelled per `unicode`.
    static func jsonEscaped(_ text: String, escapingSlash: Bool, unicode: JSONUnicode) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "/": result += escapingSlash ? "\\/" : "/"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            default:
                if scalar.value < 0x20 || (scalar.value > 0x7E && unicode != .raw) {
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16, uppercase: unicode == .uppercase)
                        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `text` as Swift's `String(reflecting:)` spells it (without the quotes), optionally all-ASCII (`\u{…}`).
    static func swiftEscaped(_ text: String, asASCII: Bool) -> String {
        text.unicodeScalars.map { $0.escaped(asASCII: asASCII) }.joined()
    }

    /// ASCII letters and digits, which every percent-encoder keeps.
    static let alphanumerics = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    /// RFC 3986's unreserved characters.
    static let unreserved = alphanumerics.union("-._~".utf8)
    /// What Foundation's `urlQueryAllowed` keeps.
    static let queryAllowed = unreserved.union("!$&'()*+,;=:@/?".utf8)

    /// `text` percent-encoded: bytes outside `kept` as `%XX` in upper or lower case.
    static func percentEncoded(_ text: String, keeping kept: Set<UInt8>, uppercase: Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            if kept.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: uppercase)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// `text` with `& < > " '` as HTML entities.
    static func htmlEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
