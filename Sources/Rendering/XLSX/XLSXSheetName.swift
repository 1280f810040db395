/// Sheet names Excel accepts: 1–31 characters, none of `[]:*?/\`, no apostrophe at either end,
/// unique regardless of case, and not `History`.
enum XLSXSheetName {
    static let maxLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// `proposed` made legal: forbidden characters and control characters removed, cut to 31 UTF-16 units,
    /// and made unique against `taken` (compared case-insensitively) with a ` (n)` suffix; `fallback` (the
    /// sheet's number, which reads the same in every language) when nothing usable is left.
    static func legal(_ proposed: String, taken: [String], fallback: String) -> String {
        var name = String(proposed.filter { !forbidden.contains($0) && !$0.unicodeScalars.contains(where: isControl) })
        name = trimmingApostrophes(name.trimmingWhitespace())
        if name.isEmpty || name.lowercased() == "history" { name = fallback }
        let lowered = Set(taken.map { $0.lowercased() })
        var candidate = cut(name, to: maxLength)
        var counter = 2
        while lowered.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = cut(name, to: maxLength - suffix.utf16.count) + suffix
            counter += 1
        }
        return candidate
    }

    /// True when Excel would accept `name` as it is (uniqueness aside).
    static func isLegal(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= maxLength && !name.contains(where: forbidden.contains)
            && !name.hasPrefix("'") && !name.hasSuffix("'") && !name.unicodeScalars.contains(where: isControl)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    private static func trimmingApostrophes(_ name: String) -> String {
        var name = Substring(name)
        while name.first == "'" { name = name.dropFirst() }
        while name.last == "'" { name = name.dropLast() }
        return String(name).trimmingWhitespace()
    }

    /// The longest prefix of `name` within `length` UTF-16 units, never splitting a character.
    private static func cut(_ name: String, to length: Int) -> String {
        var result = ""
        var used = 0
        for character in name {
            let width = character.utf16.count
            if used + width > length { break }
            result.append(character)
            used += width
        }
        return trimmingApostrophes(result)
    }
}

extension String {
    /// The string without leading and trailing spaces.
    fileprivate func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
