import Foundation

/// Text rules of spreadsheet cells: Excel's length limit, display widths and date serial numbers.
enum XLSXText {
    /// `text` cut so that it and `marker` fit in `limit` UTF-16 code units, never inside a character;
    /// `text` itself when it fits.
    static func truncated(_ text: String, limit: Int, marker: String) -> String {
        // Most cells are short: UTF-8 length bounds the UTF-16 length from above.
        if text.utf8.count <= limit || text.utf16.count <= limit { return text }
        let budget = max(0, limit - marker.utf16.count)
        var kept = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf16.count
            if used + width > budget { break }
            kept.append(scalar)
            used += width
        }
        return String(kept) + marker
    }

    /// Columns `text` takes on screen: East Asian wide characters and emoji count double.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += isWide(scalar) ? 2 : 1 }
        return width
    }

    /// True for the East Asian wide and fullwidth ranges and the emoji planes.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1FAFF, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    /// Excel's serial number of `date` (days since 1899-12-30, 1900 date system), to the second.
    static func serial(_ date: Date) -> Double {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return 25_569 + seconds / 86_400
    }

    /// `n` with thousands separators, as the `#,##0` format shows it (for width estimates).
    static func groupedDigits(_ n: Int) -> Int {
        let digits = String(n.magnitude).count
        return digits + (digits - 1) / 3 + (n < 0 ? 1 : 0)
    }
}
