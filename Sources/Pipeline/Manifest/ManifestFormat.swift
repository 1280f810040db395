/// The formats a manifest can be written in.
public enum ManifestFormat: String, Sendable, CaseIterable {
    case csv, json, yaml

    /// The format named by a file's extension; nil when the extension says nothing.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".json") {
            self = .json
        } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
            self = .yaml
        } else {
            return nil
        }
    }

    /// Guesses from the first non-blank line: `[` or `{` starts JSON; a YAML list item, comment or key
    /// (`-`, `#`, a colon) is YAML; a line with a comma is a CSV header; anything else YAML.
    public static func sniff(_ text: Substring) -> ManifestFormat {
        let body = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if body.first == "[" || body.first == "{" { return .json }
        let firstLine = body.prefix(while: { $0 != "\n" && $0 != "\r" })
        if firstLine.hasPrefix("-") || firstLine.hasPrefix("#") || firstLine.contains(":") { return .yaml }
        return firstLine.contains(",") ? .csv : .yaml
    }
}
