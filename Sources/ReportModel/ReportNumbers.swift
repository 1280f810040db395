/// Number texts independent of the machine's locale, so that reports and log lines are reproducible.
public enum ReportNumbers {
    /// `1234567` → `1,234,567` (both report languages group digits in threes with a comma).
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }
}
