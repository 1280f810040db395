/// The version reports and `results.json` name.
enum ToolVersion {
    static let current = "0.1.0"
}
