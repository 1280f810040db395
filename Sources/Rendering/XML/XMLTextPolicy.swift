/// What to do with characters that XML 1.0 (or HTML) cannot carry, before text reaches libxml2.
public enum XMLTextPolicy: Sendable {
    /// HTML: drop C0 controls other than tab, LF and CR, DEL, C1 controls and noncharacters.
    case dropInvalid
    /// OOXML (XLSX): write each forbidden character as `_xHHHH_`, and escape a literal `_xHHHH_`
    /// in the text as `_x005F_xHHHH_`, so that Excel and openpyxl read back the original text.
    case escapeOOXML

    /// The text made safe under this policy; returns `text` itself when nothing needs changing (the common case).
    public func apply(to text: String) -> String {
        guard needsWork(text) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch self {
            case .dropInvalid:
                if !Self.isForbiddenInHTML(scalar) { result.append(scalar) }
            case .escapeOOXML:
                if Self.isForbiddenInXML(scalar) {
                    result.append(contentsOf: Self.ooxmlEscape(scalar.value).unicodeScalars)
                } else if scalar == "_" && Self.isOOXMLEscape(scalars, at: index) {
                    result.append(contentsOf: "_x005F_".unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
            index += 1
        }
        return String(result)
    }

    /// A quick scan over UTF-8: true only when some byte could start a character the policy changes.
    private func needsWork(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: return true
            case UInt8(ascii: "_") where self == .escapeOOXML: return true
            case 0xC2, 0xEF: return true  // C1 controls (U+0080…U+009F); U+FDD0…U+FFFF
            case 0xF0...0xF4 where self == .dropInvalid: return true  // noncharacters U+1FFFE…
            default: continue
            }
        }
        return false
    }

    /// Characters XML 1.0 does not allow at all.
    static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Characters HTML treats as parse errors in text: XML's forbidden ones, DEL, C1 controls, noncharacters.
    static func isForbiddenInHTML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if isForbiddenInXML(scalar) { return true }
        if (0x7F...0x9F).contains(value) { return true }
        if (0xFDD0...0xFDEF).contains(value) { return true }
        return value & 0xFFFE == 0xFFFE
    }

    static func ooxmlEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
    }

    /// True when `scalars[index...]` reads `_xHHHH_`, which Excel would decode.
    static func isOOXMLEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
            scalars[index + 6] == "_"
        else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
