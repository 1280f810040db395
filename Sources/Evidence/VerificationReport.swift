/// What `verify` found: each check that holds or fails, and notes that are neither.
public struct VerificationReport: Sendable, Hashable {
    /// One finding.
    public struct Finding: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case holds = "ok"
            case fails = "FAILED"
            case note = "note"
        }

        public var kind: Kind
        /// A sentence naming the file; untrusted names are already made printable.
        public var text: String
    }

    public private(set) var findings: [Finding] = []

    /// True when nothing failed (and something was checked).
    public var allHold: Bool {
        !findings.contains { $0.kind == .fails } && findings.contains { $0.kind == .holds }
    }

    /// The findings as lines (`ok: …`, `FAILED: …`, `note: …`) and a last line with the verdict.
    public var lines: [String] {
        let failed = findings.filter { $0.kind == .fails }.count
        let verdict =
            allHold
            ? "verified: every check holds"
            : "NOT verified: \(failed) problem\(failed == 1 ? "" : "s")"
        return findings.map { "\($0.kind.rawValue): \($0.text)" } + [verdict]
    }

    mutating func pass(_ text: String) { findings.append(Finding(kind: .holds, text: text)) }
    mutating func fail(_ text: String) { findings.append(Finding(kind: .fails, text: text)) }
    mutating func note(_ text: String) { findings.append(Finding(kind: .note, text: text)) }

    /// A name from an untrusted listing, bounded and with control and format characters escaped as `\u{…}`.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(300) {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 300 ? result + "…" : result
    }
}
