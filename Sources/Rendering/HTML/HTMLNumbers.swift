import ReportModel

/// Number texts for the HTML report, independent of the machine's locale so that output is reproducible.
enum HTMLNumbers {
    /// `1234567` → `1,234,567` (both report languages group digits in threes with a comma).
    static func integer(_ value: Int) -> String { ReportNumbers.grouped(value) }

    /// The consistency ratio (``FileCounts/consistencyBasisPoints``) as a percentage with two decimals;
    /// an em dash when no file was verified.
    static func ratio(_ basisPoints: Int?) -> String {
        guard let hundredths = basisPoints else { return "—" }
        return "\(hundredths / 100).\(pad(hundredths % 100, 2))%"
    }

    /// `part` of `whole` as a percentage with one decimal, e.g. `12.5%`; `0%` when `whole` is 0.
    static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// An SVG coordinate with at most two decimals: `12`, `12.5`, `12.25`.
    static func coordinate(_ value: Double) -> String {
        let scaled = Int((value * 100).rounded())
        let hundredths = Int(scaled.magnitude)
        let whole = (scaled < 0 ? "-" : "") + "\(hundredths / 100)"
        switch hundredths % 100 {
        case 0: return whole
        case let fraction where fraction % 10 == 0: return "\(whole).\(fraction / 10)"
        case let fraction: return "\(whole).\(pad(fraction, 2))"
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
