/// Rules for report names, which become file names in the output folder.
public enum ReportName {
    /// Why `name` cannot be a report name, or nil when it can: 1–100 characters, no path separators,
    /// control characters or characters Windows forbids, not starting with a dot or dash.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.unicodeScalars.count > 100 { return "is longer than 100 characters" }
        if name.hasPrefix(".") || name.hasPrefix("-") { return "must not start with '.' or '-'" }
        let forbidden = Set("/\\:*?\"<>|".unicodeScalars)
        if name.unicodeScalars.contains(where: { forbidden.contains($0) || $0.properties.generalCategory == .control })
        {
            return "must not contain / \\ : * ? \" < > | or control characters"
        }
        if name.hasSuffix(".") || name.hasSuffix(" ") { return "must not end with '.' or a space" }
        return nil
    }
}
