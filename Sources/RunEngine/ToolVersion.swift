/// The version reports, `results.json` and `summary.json` name.
public enum ToolVersion {
    public static let current = "0.1.0"
}
