import ReportModel

/// The printed page's running header and footer: the report's title at the top, `Page n of N` at the bottom,
/// as CSS `@page` margin boxes, so that both the browser's print and the PDF carry them.
enum HTMLPrintStyle {
    /// Titles longer than this are cut in the running header; the first page shows the title in full.
    static let headerTitleLength = 90

    /// The `@page` rules for a report titled `title`, with the page words of `strings`.
    static func pageRules(title: String, strings: StringTable) -> String {
        let page = strings.format(.printPage, "\u{1}", "\u{2}")
        var footer: [String] = []
        var literal = ""
        for character in page {
            switch character {
            case "\u{1}", "\u{2}":
                if !literal.isEmpty { footer.append(cssString(literal)) }
                literal = ""
                footer.append(character == "\u{1}" ? "counter(page)" : "counter(pages)")
            default:
                literal.append(character)
            }
        }
        if !literal.isEmpty { footer.append(cssString(literal)) }
        let shown = title.count > headerTitleLength ? String(title.prefix(headerTitleLength - 1)) + "…" : title
        return """

            @page {
              @top-left { content: \(cssString(shown)); font-size: 8pt; font-family: sans-serif; color: #5a6878; }
              @bottom-right { content: \(footer.joined(separator: " ")); font-size: 8pt; font-family: sans-serif; color: #5a6878; }
            }

            """
    }

    /// `text` as a CSS string literal that cannot end the string or the `<style>` element: every character but
    /// ASCII letters, digits and spaces is a six-digit hex escape, and control characters are dropped.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20: result.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F: continue
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\" + String(repeating: "0", count: 6 - hex.count) + hex
            }
        }
        return result + "\""
    }

    /// The stale mark's look (SPEC 9): warning-coloured, and still printed for consistent servers, whose other
    /// sub-lines the print layout hides.
    static let staleRules = """

        .grid .stale, summary .stale { color: var(--error); font-weight: 600; }
        summary .stale { margin-left: 8px; font-size: 13px; }
        .tail-list .stale { color: var(--error); font-weight: 600; margin-left: 6px; }
        @media print {
          .servers tbody tr[data-status="consistent"] .sub.stale { display: block; }
          summary .stale { font-size: 7.5pt; }
        }

        """
}
