/// A shell-style pattern: `*` any run of characters (slashes included), `?` one character, `[...]` one of a set
/// (`[a-z]`, `[!x]` or `[^x]` for "not"), `\` takes the next character literally.
///
/// `*` crosses `/` on purpose: `/var/log*` is meant to cover `/var/log` and everything below it.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let tokens: [Token]

    private enum Token: Hashable {
        case literal(Character)
        case any
        case star
        case set(negated: Bool, items: [SetItem])
    }

    private enum SetItem: Hashable {
        case single(Character)
        case range(Character, Character)
    }

    /// The problem with a pattern that cannot be used, e.g. an unclosed `[`.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        /// What is wrong, quoting the pattern.
        public var description: String
    }

    /// Parses `pattern`; throws ``SyntaxError`` for an empty pattern, an unclosed `[`, an empty set, a reversed
    /// range or a trailing `\`.
    public init(_ pattern: String) throws {
        guard !pattern.isEmpty else { throw SyntaxError(description: "the pattern is empty") }
        self.pattern = pattern
        var tokens: [Token] = []
        var chars = Array(pattern)[...]
        while let c = chars.popFirst() {
            switch c {
            case "*": if tokens.last != .star { tokens.append(.star) }
            case "?": tokens.append(.any)
            case "\\":
                guard let next = chars.popFirst() else {
                    throw SyntaxError(description: "'\(pattern)' ends in a lone \\")
                }
                tokens.append(.literal(next))
            case "[": tokens.append(try Self.parseSet(&chars, pattern: pattern))
            default: tokens.append(.literal(c))
            }
        }
        self.tokens = tokens
    }

    /// The pattern as written.
    public var description: String { pattern }

    private static func parseSet(_ chars: inout ArraySlice<Character>, pattern: String) throws -> Token {
        var negated = false
        if let first = chars.first, first == "!" || first == "^" {
            negated = true
            chars.removeFirst()
        }
        var items: [SetItem] = []
        var closed = false
        // A `]` right after the opening bracket is a member, as in the shell.
        var first = true
        while let c = chars.popFirst() {
            if c == "]" && !first {
                closed = true
                break
            }
            first = false
            var low = c
            if c == "\\" {
                guard let next = chars.popFirst() else { break }
                low = next
            }
            if chars.count >= 2, chars.first == "-", chars.dropFirst().first != "]" {
                chars.removeFirst()
                var high = chars.removeFirst()
                if high == "\\", let next = chars.popFirst() { high = next }
                guard low <= high else {
                    throw SyntaxError(description: "'\(pattern)' has the reversed range \(low)-\(high)")
                }
                items.append(.range(low, high))
            } else {
                items.append(.single(low))
            }
        }
        guard closed else { throw SyntaxError(description: "'\(pattern)' has a [ without its ]") }
        return .set(negated: negated, items: items)
    }

    /// True when the whole of `text` matches the pattern.
    public func matches(_ text: String) -> Bool {
        let chars = Array(text)
        // Iterative matching with one backtrack point per star: linear in practice, never exponential.
        var t = 0
        var p = 0
        var starP = -1
        var starT = 0
        while t < chars.count {
            if p < tokens.count, tokens[p] != .star, Self.matchOne(tokens[p], chars[t]) {
                t += 1
                p += 1
            } else if p < tokens.count, tokens[p] == .star {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                starT += 1
                t = starT
                p = starP + 1
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .star { p += 1 }
        return p == tokens.count
    }

    private static func matchOne(_ token: Token, _ c: Character) -> Bool {
        switch token {
        case .literal(let l): return l == c
        case .any: return true
        case .star: return true
        case .set(let negated, let items):
            let hit = items.contains { item in
                switch item {
                case .single(let s): s == c
                case .range(let low, let high): low <= c && c <= high
                }
            }
            return hit != negated
        }
    }

    /// Two globs are the same when their patterns are.
    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    /// Hashes the pattern, as ``==`` compares it.
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
