import Foundation

/// An `allowed_signers` file (ssh-keygen(1), ALLOWED SIGNERS): which keys may sign, for whom and for what.
///
/// Each line is `principals [options] keytype base64-key [comment]`; `#` lines and empty lines are comments.
/// Principals are a comma-separated pattern list, quoted when they hold spaces; the options are
/// `cert-authority`, `namespaces="…"`, `valid-after="…"` and `valid-before="…"`. A `cert-authority` line vouches
/// for certificates, which smsreport does not take, so such lines never match.
public struct AllowedSigners: Sendable {
    /// One usable line.
    public struct Entry: Sendable, Hashable {
        /// The principals field as written, e.g. `alice@example.com,ops@example.com`.
        public var principals: String
        public var key: SSHPublicKey
        var certificateAuthority = false
        /// The `namespaces=` pattern list; nil when the line allows every namespace.
        var namespaces: String?
        var validAfter: Date?
        var validBefore: Date?
    }

    public private(set) var entries: [Entry] = []

    /// The largest file read: thousands of keys are far smaller.
    static let maximumFileBytes = 4 << 20

    /// Reads the file at `path`; a line that cannot be read is an error naming the file and line.
    public init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvidenceError("\(path): cannot read the allowed signers file")
        }
        guard data.count <= Self.maximumFileBytes else {
            throw EvidenceError("\(path): too large for an allowed signers file")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses `text`; `file` names it in errors.
    public init(text: String, file: String) throws {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let entry = Self.entry(line) else {
                throw EvidenceError(
                    "\(file):\(index + 1): not an allowed signers line (principals [options] keytype base64-key)")
            }
            entries.append(entry)
        }
    }

    /// The principals of every line that allows `key` to sign in `namespace` at `date`.
    public func principals(for key: SSHPublicKey, namespace: String, at date: Date = Date()) -> [String] {
        entries.filter { entry in
            guard entry.key == key, !entry.certificateAuthority else { return false }
            if let namespaces = entry.namespaces, !Self.matches(namespace, patternList: namespaces) { return false }
            if let after = entry.validAfter, date < after { return false }
            if let before = entry.validBefore, date >= before { return false }
            return true
        }.map(\.principals)
    }

    private static func entry(_ line: String) -> Entry? {
        var fields = Fields(line)
        guard let principals = fields.next(), !principals.isEmpty, var next = fields.next() else { return nil }
        var options = Options()
        if !isKeyType(next) {
            guard readOptions(next, into: &options), let type = fields.next() else { return nil }
            next = type
        }
        guard let base64 = fields.next(), let key = SSHPublicKey(type: next, base64: base64) else { return nil }
        return Entry(
            principals: principals, key: key, certificateAuthority: options.certificateAuthority,
            namespaces: options.namespaces, validAfter: options.validAfter, validBefore: options.validBefore)
    }

    /// A line's options.
    private struct Options {
        var certificateAuthority = false
        var namespaces: String?
        var validAfter: Date?
        var validBefore: Date?
    }

    /// Applies the options field; false when an option is unknown or its value unreadable.
    private static func readOptions(_ field: String, into entry: inout Options) -> Bool {
        for option in splitOutsideQuotes(field, separator: ",") {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0].lowercased()
            let value = parts.count > 1 ? unquote(parts[1]) : nil
            switch (name, value) {
            case ("cert-authority", nil): entry.certificateAuthority = true
            case ("namespaces", let value?): entry.namespaces = value
            case ("valid-after", let value?):
                guard let date = timestamp(value) else { return false }
                entry.validAfter = date
            case ("valid-before", let value?):
                guard let date = timestamp(value) else { return false }
                entry.validBefore = date
            default: return false
            }
        }
        return true
    }

    private static func isKeyType(_ field: String) -> Bool {
        field.hasPrefix("ssh-") || field.hasPrefix("ecdsa-") || field.hasPrefix("sk-")
    }

    /// `YYYYMMDD[HHMM[SS]]`, in UTC with a trailing `Z`, else in the local zone (as ssh-keygen reads it).
    static func timestamp(_ text: String) -> Date? {
        var digits = text
        var zone = TimeZone.current
        if digits.hasSuffix("Z") || digits.hasSuffix("z") {
            digits.removeLast()
            zone = TimeZone(identifier: "UTC")!
        }
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return nil
        }
        let numbers = stride(from: 0, to: digits.count, by: 2).map { offset -> Int in
            let start = digits.index(digits.startIndex, offsetBy: offset)
            return Int(digits[start..<digits.index(start, offsetBy: 2)])!
        }
        var parts = DateComponents()
        parts.timeZone = zone
        parts.year = numbers[0] * 100 + numbers[1]
        parts.month = numbers[2]
        parts.day = numbers[3]
        parts.hour = numbers.count > 4 ? numbers[4] : 0
        parts.minute = numbers.count > 5 ? numbers[5] : 0
        parts.second = numbers.count > 6 ? numbers[6] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: parts)
    }

    /// Whether `name` matches an OpenSSH pattern list: comma-separated `*`/`?` patterns, `!` negates and wins.
    static func matches(_ name: String, patternList: String) -> Bool {
        var matched = false
        for pattern in patternList.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if pattern.hasPrefix("!") {
                if wildcard(Array(name), Array(pattern.dropFirst())) { return false }
            } else if wildcard(Array(name), Array(pattern)) {
                matched = true
            }
        }
        return matched
    }

    private static func wildcard(_ text: [Character], _ pattern: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            return (0...text.count).contains { wildcard(Array(text[$0...]), Array(pattern.dropFirst())) }
        }
        guard let head = text.first, first == "?" || first == head else { return false }
        return wildcard(Array(text.dropFirst()), Array(pattern.dropFirst()))
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast())
    }

    private static func splitOutsideQuotes(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == separator && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    /// Whitespace-separated fields where a double-quoted stretch (principals, option values) keeps its spaces.
    private struct Fields {
        private var rest: Substring

        init(_ line: String) { rest = Substring(line) }

        mutating func next() -> String? {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { return nil }
            var field = ""
            var quoted = false
            while let character = rest.first, quoted || (character != " " && character != "\t") {
                if character == "\"" { quoted.toggle() }
                field.append(character)
                rest = rest.dropFirst()
            }
            // A quoted principals field is the names inside the quotes.
            if field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2,
                !field.dropFirst().dropLast().contains("\"")
            {
                return String(field.dropFirst().dropLast())
            }
            return field
        }
    }
}
