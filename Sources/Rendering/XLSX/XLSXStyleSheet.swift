import ReportModel

/// The workbook's cell formats (`xl/styles.xml`) and the index of each, as cells refer to them.
enum XLSXStyleSheet {
    /// The plain default format.
    static let plain = 0
    /// Bold on grey: table header rows.
    static let header = 1
    /// Large bold: the overview's title.
    static let title = 2
    /// Bold: the overview's section labels.
    static let label = 3
    /// `0.00%`: the overview's consistency ratio.
    static let percent = 4
    /// Plain text that wraps, top-aligned: the overview's method statement and remarks.
    static let wrapped = 14
    private static let firstCell = 5

    /// The format of a table cell of `kind` in a row highlighted as `highlight`.
    static func cell(_ kind: XLSXColumnKind, _ highlight: XLSXHighlight) -> Int {
        let kindIndex: Int
        switch kind {
        case .text: kindIndex = 0
        case .number: kindIndex = 1
        case .date: kindIndex = 2
        }
        return firstCell + highlight.rawValue * 3 + kindIndex
    }

    /// The format codes of the date-time cells (a custom format) and the fill colours of highlighted rows.
    static let dateTimeFormat = "yyyy-mm-dd hh:mm:ss"
    private static let dateTimeFormatID = "164"
    private static let thousandsFormatID = "3"
    private static let percentFormatID = "10"
    private static let headerFill = "FFD9D9D9"
    private static let fills: [XLSXHighlight: String] = [.inconsistent: "FFFFC7CE", .error: "FFFFEB9C"]

    /// The font of a workbook in `language`: Chinese text needs an East Asian font to print well.
    static func font(for language: ReportLanguage) -> (name: String, charset: String?) {
        switch language {
        case .enUS: ("Calibri", nil)
        // Charset 134 is GB2312, the Chinese character set Excel pairs with this font.
        case .zhCN: ("Microsoft YaHei", "134")
        }
    }

    /// Writes `xl/styles.xml` with the font of `language`.
    static func write(to xml: XMLStreamWriter, language: ReportLanguage = .enUS) throws {
        let font = font(for: language)
        try xml.startDocument()
        try xml.startElement("styleSheet")
        try xml.attribute("xmlns", XLSXNamespace.main)
        try xml.startElement("numFmts")
        try xml.attribute("count", "1")
        try xml.emptyElement("numFmt", ["numFmtId": dateTimeFormatID, "formatCode": dateTimeFormat])
        try xml.endElement()

        try xml.startElement("fonts")
        try xml.attribute("count", "3")
        for (bold, size) in [(false, "11"), (true, "11"), (true, "16")] {
            try xml.startElement("font")
            if bold { try xml.emptyElement("b", [:]) }
            try xml.emptyElement("sz", ["val": size])
            try xml.emptyElement("name", ["val": font.name])
            try xml.emptyElement("family", ["val": "2"])
            if let charset = font.charset { try xml.emptyElement("charset", ["val": charset]) }
            try xml.endElement()
        }
        try xml.endElement()

        let solidFills = [headerFill, fills[.inconsistent]!, fills[.error]!]
        try xml.startElement("fills")
        try xml.attribute("count", String(2 + solidFills.count))
        for pattern in ["none", "gray125"] {
            try xml.startElement("fill")
            try xml.emptyElement("patternFill", ["patternType": pattern])
            try xml.endElement()
        }
        for colour in solidFills {
            try xml.startElement("fill")
            try xml.startElement("patternFill")
            try xml.attribute("patternType", "solid")
            try xml.emptyElement("fgColor", ["rgb": colour])
            try xml.emptyElement("bgColor", ["indexed": "64"])
            try xml.endElement()
            try xml.endElement()
        }
        try xml.endElement()

        try xml.startElement("borders")
        try xml.attribute("count", "1")
        try xml.startElement("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { try xml.emptyElement(side, [:]) }
        try xml.endElement()
        try xml.endElement()

        try xml.startElement("cellStyleXfs")
        try xml.attribute("count", "1")
        try xml.emptyElement("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
        try xml.endElement()

        // Order matters: the constants above are indices into this list.
        var formats: [(numFmt: String, font: String, fill: String)] = [
            ("0", "0", "0"), ("0", "1", "2"), ("0", "2", "0"), ("0", "1", "0"), (percentFormatID, "0", "0"),
        ]
        for highlight in XLSXHighlight.allCases {
            let fill =
                switch highlight {
                case .none: "0"
                case .inconsistent: "3"
                case .error: "4"
                }
            formats += [("0", "0", fill), (thousandsFormatID, "0", fill), (dateTimeFormatID, "0", fill)]
        }
        let wrappedIndex = formats.count
        formats.append(("0", "0", "0"))
        try xml.startElement("cellXfs")
        try xml.attribute("count", String(formats.count))
        precondition(wrappedIndex == wrapped, "the style constants must match the cellXfs order")
        for (index, format) in formats.enumerated() {
            try xml.startElement("xf")
            try xml.attribute("numFmtId", format.numFmt)
            try xml.attribute("fontId", format.font)
            try xml.attribute("fillId", format.fill)
            try xml.attribute("borderId", "0")
            try xml.attribute("xfId", "0")
            if format.numFmt != "0" { try xml.attribute("applyNumberFormat", "1") }
            if format.font != "0" { try xml.attribute("applyFont", "1") }
            if format.fill != "0" { try xml.attribute("applyFill", "1") }
            if index == wrappedIndex {
                try xml.attribute("applyAlignment", "1")
                try xml.emptyElement("alignment", ["wrapText": "1", "vertical": "top"])
            }
            try xml.endElement()
        }
        try xml.endElement()

        try xml.startElement("cellStyles")
        try xml.attribute("count", "1")
        try xml.emptyElement("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
        try xml.endElement()
        try xml.endElement()
        try xml.finish()
    }
}
