import Foundation

/// Streams one worksheet's XML to a sink in three pieces, each from its own libxml2 writer so that the pieces can
/// be written on different threads: the ``head(to:widths:frozenHeader:selected:)`` (column widths, an optional
/// frozen header row, up to `<sheetData>`), rows written by instances of this class (each starting at a given row
/// number), and the ``tail(to:rowCount:autoFilterColumns:onePage:)`` (an autofilter and the print setup: A4
/// landscape, fit to one page wide, page numbers in the footer). Joined in order they are one document.
///
/// Rows are written as they come, so a sheet of a million rows never sits in memory. Text goes into inline
/// string cells (`t="inlineStr"`), which Excel never evaluates: text starting with `=` stays text.
final class XLSXWorksheetWriter {
    private let xml: XMLStreamWriter
    private let cellCharacters: Int
    private let truncationMarker: String
    private var columnLetters: [String] = []
    /// Row markup waiting to be written (see ``row(_:styles:)``).
    private var markup: [UInt8] = []
    /// The number of the last row written (header included); the first row written gets this plus one.
    private(set) var rowCount: Int

    /// A writer of rows to `sink`, the first of them numbered `firstRow` (1-based, the header is row 1).
    init(sink: @escaping XMLStreamWriter.Sink, firstRow: Int = 1, cellCharacters: Int, truncationMarker: String)
        throws
    {
        xml = try XMLStreamWriter(policy: .escapeOOXML, sink: sink)
        self.cellCharacters = cellCharacters
        self.truncationMarker = truncationMarker
        rowCount = firstRow - 1
        columnLetters = (0..<16).map(Self.columnLetter)
        markup.reserveCapacity(256)
    }

    /// Writes the start of a worksheet to `sink`: `widths` in characters per column, a header row frozen when
    /// `frozenHeader`, the tab selected when `selected`; ends with `<sheetData>` open for the rows.
    static func head(
        to sink: @escaping XMLStreamWriter.Sink, widths: [Double], frozenHeader: Bool, selected: Bool
    ) throws {
        let xml = try XMLStreamWriter(policy: .escapeOOXML, sink: sink)
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
        // The rows come from other writers; `worksheet` stays open here and is closed by the tail.
        try xml.raw(trusted: "<sheetData>")
        try xml.flush()
    }

    /// Writes the end of a worksheet of `rowCount` rows to `sink`: closes `<sheetData>`, adds an autofilter over
    /// the first `autoFilterColumns` columns of every row when given, and the print setup (on one page when
    /// `onePage`, else one page wide and as many pages long as it takes).
    static func tail(
        to sink: @escaping XMLStreamWriter.Sink, rowCount: Int, autoFilterColumns: Int?, onePage: Bool
    ) throws {
        let xml = try XMLStreamWriter(policy: .escapeOOXML, sink: sink)
        try xml.raw(trusted: "</sheetData>")
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
        try xml.raw(trusted: "</worksheet>")
        try xml.finish()
    }

    /// Writes a row of cells with the given style indices (see ``XLSXStyleSheet``).
    ///
    /// The markup around the values (`<row r="2">`, `<c r="A2" s="1" t="inlineStr"><is>`, `</c>`) is made here
    /// from row numbers, column letters and style indices, all the program's own ASCII, and written as trusted
    /// markup in one call per stretch; every value, text or number, goes through libxml2 in its `<t>` or `<v>`
    /// element and is escaped there. The bytes are the same as one libxml2 call per element and attribute would
    /// give, at well under half the calls.
    func row(_ cells: [XLSXCell], styles: [Int]) throws {
        rowCount += 1
        let rowNumber = String(rowCount)
        // One byte buffer for all rows, appended to in place (building the markup from temporary strings was a
        // third of the CPU), and a local variable while in use: a stored property pays an exclusivity check per
        // append.
        var markup: [UInt8] = []
        swap(&markup, &self.markup)
        defer { swap(&markup, &self.markup) }
        markup.removeAll(keepingCapacity: true)
        markup.append(contentsOf: #"<row r=""#.utf8)
        markup.append(contentsOf: rowNumber.utf8)
        markup.append(contentsOf: #"">"#.utf8)
        for (index, cell) in cells.enumerated() {
            markup.append(contentsOf: #"<c r=""#.utf8)
            markup.append(contentsOf: columnLetter(index).utf8)
            markup.append(contentsOf: rowNumber.utf8)
            markup.append(UInt8(ascii: "\""))
            let style = styles[index]
            if style != XLSXStyleSheet.plain {
                markup.append(contentsOf: #" s=""#.utf8)
                markup.append(contentsOf: Self.styleNames[style].utf8)
                markup.append(UInt8(ascii: "\""))
            }
            switch cell {
            case .text(let text) where !text.isEmpty:
                markup.append(contentsOf: #" t="inlineStr"><is>"#.utf8)
                try flush(&markup)
                let text = XLSXText.truncated(text, limit: cellCharacters, marker: truncationMarker)
                try xml.startElement("t")
                if text.utf8.first.map(Self.isSpace) == true || text.utf8.last.map(Self.isSpace) == true {
                    try xml.attribute("xml:space", "preserve")
                }
                try xml.text(text)
                try xml.endElement()
                markup.append(contentsOf: "</is></c>".utf8)
            case .number(let n): try value(String(n), &markup)
            case .date(let date?): try value(String(XLSXText.serial(date)), &markup)
            case .percent(let share?): try value(String(share), &markup)
            case .text, .date(nil), .percent(nil): markup.append(contentsOf: "/>".utf8)
            }
        }
        markup.append(contentsOf: "</row>".utf8)
        try flush(&markup)
    }

    /// Closes the cell markup so far with `>`, writes it, then `<v>value</v>` through libxml2; `</c>` is left in
    /// the markup for the next stretch.
    private func value(_ value: String, _ markup: inout [UInt8]) throws {
        markup.append(UInt8(ascii: ">"))
        try flush(&markup)
        try xml.element("v", text: value)
        markup.append(contentsOf: "</c>".utf8)
    }

    /// Writes the markup built so far and empties the buffer.
    private func flush(_ markup: inout [UInt8]) throws {
        try markup.withUnsafeBytes { try xml.raw(trustedUTF8: $0) }
        markup.removeAll(keepingCapacity: true)
    }

    /// Writes a bold header row.
    func headerRow(_ titles: [String]) throws {
        try row(titles.map(XLSXCell.text), styles: Array(repeating: XLSXStyleSheet.header, count: titles.count))
    }

    /// Sends the rows written so far to the sink; call once after the last row.
    func finish() throws {
        try xml.flush()
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
