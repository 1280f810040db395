import Foundation

/// Checking credentials before the first request (SPEC 1, Authentication): errors name the source, never the value.
extension SMSCredentials {
    /// `value` when it can be sent as a header or used as a key; otherwise an error naming `source`.
    ///
    /// Refused: an empty value, and any whitespace, control or format character (a line break, a tab, a
    /// zero-width space), because a header cannot carry them and they are always a copy-and-paste accident.
    static func checked(_ value: String, source: String) throws(SMSAPIError) -> String {
        guard !value.isEmpty else { throw SMSAPIError.missingCredentials("\(source) is empty") }
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            if let kind = forbiddenKind(scalar) {
                throw SMSAPIError.invalidCredentials(
                    "\(source) holds \(kind) (character \(offset + 1)); a credential is one word without spaces, "
                        + "tabs or line breaks")
            }
        }
        return value
    }

    /// What kind of character `scalar` is when a credential may not hold it.
    private static func forbiddenKind(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.properties.generalCategory {
        case .control: return scalar == "\n" || scalar == "\r" ? "a line break" : "a control character"
        case .format: return "an invisible format character"
        case .lineSeparator, .paragraphSeparator: return "a line break"
        case .spaceSeparator: return "whitespace"
        case .surrogate, .privateUse, .unassigned: return "a character that is not text"
        default: return scalar.properties.isWhitespace ? "whitespace" : nil
        }
    }

    /// The token of a token file: its first non-empty line, with a UTF-8 byte order mark, surrounding blanks
    /// and one final line break (LF or CRLF) allowed; a second non-empty line is an error naming `path:line`.
    static func readToken(path: String) throws(SMSAPIError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SMSAPIError.missingCredentials("cannot read the token file \(path): \(error.localizedDescription)")
        }
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw SMSAPIError.invalidCredentials("\(path): the token file is not UTF-8 text")
        }
        var token: (line: Int, text: String)?
        // Split on scalars: as Characters, "\r\n" is one grapheme and would not split on "\n".
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalars) in lines.enumerated() {
            var line = Substring(scalars)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            guard !trimmed.isEmpty else { continue }
            if let token {
                throw SMSAPIError.invalidCredentials(
                    "\(path):\(index + 1): a second line (the token is on line \(token.line)); the token file must "
                        + "hold the token alone, on one line")
            }
            token = (index + 1, trimmed)
        }
        guard let token else { throw SMSAPIError.missingCredentials("the token file \(path) is empty") }
        return try checked(token.text, source: "\(path):\(token.line)")
    }
}
