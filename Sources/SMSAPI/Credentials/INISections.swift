/// The INI dialect of Python's `configparser` as the SDKs' profile files use it: `[section]` headers, `key = value`
/// or `key: value` lines, keys case-insensitive, values trimmed, whole-line `#` and `;` comments.
enum INISections {
    /// One value and the line it was on (for messages that name `file:line`, never the value).
    struct Value: Sendable, Hashable {
        var value: String
        var line: Int
    }

    /// The sections of `text` by name, each a mapping of lower-cased keys; `file` names the file in errors.
    static func parse(_ text: String, file: String) throws(SMSAPIError) -> [String: [String: Value]] {
        var sections: [String: [String: Value]] = [:]
        var current: String?
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, scalars) in lines.enumerated() {
            let number = index + 1
            let line = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw SMSAPIError.invalidCredentials("\(file):\(number): a section header without its ]")
                }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                current = name
                sections[name, default: [:]] = sections[name] ?? [:]
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw SMSAPIError.invalidCredentials("\(file):\(number): neither a [section] nor a key = value line")
            }
            guard let section = current else {
                throw SMSAPIError.invalidCredentials("\(file):\(number): a key before the first [section]")
            }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            if sections[section]?[key] != nil {
                throw SMSAPIError.invalidCredentials("\(file):\(number): \(key) appears twice in [\(section)]")
            }
            sections[section]?[key] = Value(value: value, line: number)
        }
        return sections
    }
}
