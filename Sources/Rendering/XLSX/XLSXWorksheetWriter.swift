import Foundation

/// Streams one worksheet's XML to a sink: column widths, an optional frozen header row, rows, an autofilter,
/// and the print setup (A4 landscape, fit to one page wide, page numbers in the footer).
///
/// Rows are written as they come, so a sheet of a million rows never sits in memory. Text goes into inline
/// string cells (`t="inlineStr"`), which Excel never evaluates: text starting with `=` stays text.
final class XLSXWorksheetWriter {
    private let xml: XMLStreamWriter
    private let cellCharacters: Int
    private let truncationMarker: String
    private var columnLetters: [String] = []
    /// Rows written so far, header included.
    private(set) var rowCount = 0

    private let onePage: Bool

    /// Starts a worksheet: `widths` in characters per column, a header row frozen when `frozenHeader`;
    /// printed on one page when `onePage`, else one page wide and as many pages long as it takes.
    init(
        sink: @escaping XMLStreamWriter.Sink, widths: [Double], frozenHeader: Bool, selected: Bool, cellCharacters: Int,
        truncationMarker: String, onePage: Bool = false
    ) throws {
        xml = try XMLStreamWriter(policy: .escapeOOXML, sink: sink)
        self.cellCharacters = cellCharacters
        self.truncationMarker = truncationMarker
        self.onePage = onePage
        columnLetters = (0..<widths.count).map(Self.columnLetter)
        try xml.startDocument()
        try xml.startElement("worksheet")
        try xml.attribute("xmlns", XLSXNamespace.main)
        try xml.attribute("xmlns:r", XLSXNamespace.relationships)
        // fitToPage makes the pageSetup's fitToWidth/fitToHeight apply instead of a scale.
        try xml.startElement("sheetPr")
        try xml.emptyElement("pageSetUpPr", ["fitToPage": "1"])
        try xml.endElement()
        try xml.startElement("sheetViews")
        try xml.startElement("sheetView")
        if selected { try xml.attribute("tabSelected", "1") }
        try xml.attribute("workbookViewId", "0")
        if frozenHeader {
            try xml.emptyElement(
                "pane", ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
            try xml.emptyElement("selection", ["pane": "bottomLeft", "activeCell": "A2", "sqref": "A2"])
        }
        try xml.endElement()
        try xml.endElement()
        try xml.emptyElement("sheetFormatPr", ["defaultRowHeight": "15"])
        try xml.startElement("cols")
        for (index, width) in widths.enumerated() {
            let column = String(index + 1)
            try xml.emptyElement(
                "col", ["min": column, "max": column, "width": String(width), "customWidth": "1"])
        }
        try xml.endElement()
        try xml.startElement("sheetData")
    }

    /// Writes a row of cells with the given style indices (see ``XLSXStyleSheet``).
    func row(_ cells: [XLSXCell], styles: [Int]) throws {
        rowCount += 1
        let rowNumber = String(rowCount)
        try xml.startElement("row")
        try xml.attribute("r", rowNumber)
        for (index, cell) in cells.enumerated() {
            try write(cell, reference: columnLetter(index) + rowNumber, style: styles[index])
        }
        try xml.endElement()
    }

    /// Writes a bold header row.
    func headerRow(_ titles: [String]) throws {
        try row(titles.map(XLSXCell.text), styles: Array(repeating: XLSXStyleSheet.header, count: titles.count))
    }

    /// Closes the sheet, with an autofilter over the first `autoFilterColumns` columns of every row when given.
    func finish(autoFilterColumns: Int?) throws {
        try xml.endElement()
        if let columns = autoFilterColumns, columns > 0 {
            try xml.emptyElement("autoFilter", ["ref": "A1:\(columnLetter(columns - 1))\(max(1, rowCount))"])
        }
        try xml.emptyElement(
            "pageMargins",
            ["left": "0.5", "right": "0.5", "top": "0.6", "bottom": "0.6", "header": "0.3", "footer": "0.3"])
        // Paper 9 is A4; a fitToHeight of 0 lets a long sheet run over as many pages as it needs.
        try xml.emptyElement(
            "pageSetup",
            [
                "paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": onePage ? "1" : "0",
            ])
        try xml.startElement("headerFooter")
        try xml.element("oddFooter", text: "&L&A&R&P / &N")
        try xml.endElement()
        try xml.endElement()
        try xml.finish()
    }

    private func write(_ cell: XLSXCell, reference: String, style: Int) throws {
        try xml.startElement("c")
        try xml.attribute("r", reference)
        if style != XLSXStyleSheet.plain { try xml.attribute("s", Self.styleNames[style]) }
        switch cell {
        case .text(let text):
            if !text.isEmpty {
                let text = XLSXText.truncated(text, limit: cellCharacters, marker: truncationMarker)
                try xml.attribute("t", "inlineStr")
                try xml.startElement("is")
                try xml.startElement("t")
                if text.utf8.first.map(Self.isSpace) == true || text.utf8.last.map(Self.isSpace) == true {
                    try xml.attribute("xml:space", "preserve")
                }
                try xml.text(text)
                try xml.endElement()
                try xml.endElement()
            }
        case .number(let n):
            try xml.element("v", text: String(n))
        case .date(let date):
            if let date { try xml.element("v", text: String(XLSXText.serial(date))) }
        case .percent(let share):
            if let share { try xml.element("v", text: String(share)) }
        }
        try xml.endElement()
    }

    private func columnLetter(_ index: Int) -> String {
        index < columnLetters.count ? columnLetters[index] : Self.columnLetter(index)
    }

    private static let styleNames = (0..<32).map(String.init)

    /// XML whitespace, which a reader may strip at either end of a cell unless `xml:space="preserve"` says not to.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `A` for 0, `Z` for 25, `AA` for 26.
    static func columnLetter(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }
}
