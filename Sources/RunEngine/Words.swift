/// Counts in words: `1 task`, `2 tasks`, `1 export batch`, `2 export batches`.
public enum Words {
    /// `n` and the noun in the number that fits it.
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
