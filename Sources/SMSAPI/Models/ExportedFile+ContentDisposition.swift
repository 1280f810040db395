/// Reading the file name out of a `Content-Disposition` header.
extension ExportedFile {
    /// The `filename*` (RFC 5987, percent-decoded) or else the `filename` parameter, as sent: not sanitized.
    public static func fileName(contentDisposition header: String) -> String? {
        var plain: String?
        var extended: String?
        for parameter in splitParameters(header) {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "filename":
                plain = unquote(pair[1])
            case "filename*":
                // charset'language'percent-encoded
                let pieces = pair[1].split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 { extended = SDKPercentEncoding.decode(String(pieces[2])) }
            default:
                continue
            }
        }
        return [extended, plain].compactMap { $0 }.first { !$0.isEmpty }
    }

    private static func splitParameters(_ header: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        var result = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if escaped || character != "\\" {
                result.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return result
    }
}
