import Foundation

/// Secrets of awkward shapes and the spellings of them that must never reach any output (SPEC 1).
///
/// The spellings are produced here with Foundation's own encoders, independently of the redactor under test.
public enum SecretShapes {
    /// Base64 with `/`, `+` and `=`; quotes and a backslash; non-ASCII; percent signs and markup; very long; short.
    public static let corpus: [String] = [
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC/bK+cj9x==",
        #"se"cr'et\x/y12-quoted"#,
        "密钥-ключ-🔑-é-secret-Ü",
        "percent%2Fsign%41&amp;<tag>",
        String(repeating: "AbC/dE+fG=", count: 500),
        "k7",
    ]

    /// The spellings of `secret` an encoder, a logger or a URL might produce, with where each comes from.
    public static func spellings(of secret: String) -> [(name: String, text: String)] {
        func json(_ text: String, _ formatting: JSONEncoder.OutputFormatting) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            let encoded = String(decoding: try! encoder.encode(text), as: UTF8.self)
            return String(encoded.dropFirst().dropLast())
        }
        func serialization(_ text: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
            return String(String(decoding: data, as: UTF8.self).dropFirst(2).dropLast(2))
        }
        let swift = String(reflecting: secret)
        var spellings: [(String, String)] = [
            ("raw", secret),
            ("JSONEncoder", json(secret, [])),
            ("JSONEncoder without escaping slashes", json(secret, .withoutEscapingSlashes)),
            ("JSONSerialization", serialization(secret)),
            ("JSON inside JSON", json(json(secret, []), [])),
            ("Swift-escaped", String(swift.dropFirst().dropLast())),
            ("Swift-escaped ASCII", secret.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()),
            ("percent-encoded", secret.addingPercentEncoding(withAllowedCharacters: asciiAlphanumerics)!),
            ("query-encoded", secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!),
            ("JSON \\u escapes", secret.unicodeScalars.map { $0.isASCII ? String($0) : asciiJSON($0) }.joined()),
        ]
        if secret.count >= 8 {
            spellings.append(("prefix of 8", String(secret.prefix(8))))
            spellings.append(("prefix of 12", String(secret.prefix(12))))
            spellings.append(
                ("percent-encoded prefix", spellings[7].1.count >= 8 ? String(spellings[7].1.prefix(8)) : ""))
        }
        return spellings.filter { !$0.1.isEmpty }
    }

    private static let asciiAlphanumerics = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    private static func asciiJSON(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf16.map { String(format: "\\u%04x", $0) }.joined()
    }

    /// The spellings of any of `secrets` found in `text` (each spelling's first 8 characters for a long secret).
    public static func leaks(in text: String, of secrets: [String]) -> [String] {
        var found: [String] = []
        for secret in secrets {
            for (name, spelling) in spellings(of: secret) {
                let needle = secret.count >= 8 ? String(spelling.prefix(8)) : spelling
                if text.contains(needle) { found.append("\(name) of \(secret.prefix(12))…") }
            }
        }
        return found
    }
}
