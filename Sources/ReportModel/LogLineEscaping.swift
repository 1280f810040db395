/// Escapes the characters that could forge a log line or drive a terminal, for text written to stderr.
///
/// Text from the API, manifests and file names is untrusted: a line break in an error message could print a
/// fake `info reports written` line, and ESC or BEL sequences could recolour, retitle or clear the terminal.
/// C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional overrides become
/// visible escapes (`\n`, `\r`, `\t`, `\u{1B}`); everything else is kept as it is.
public enum LogLineEscaping {
    /// `text` with every unsafe character escaped.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                escaped.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return escaped
    }

    /// A serialized JSON log line with the unsafe characters JSON leaves raw (DEL, C1 controls, U+2028/U+2029,
    /// bidi marks) written as `\uXXXX`; JSON already escapes C0 controls. They only occur inside JSON strings,
    /// so the line stays valid JSON with the same values.
    public static func escapeJSON(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: isUnsafe) else { return line }
        var escaped = ""
        for scalar in line.unicodeScalars {
            if isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// True for C0 controls, DEL, C1 controls, U+2028/U+2029 and the bidi embedding, override and isolate marks.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
