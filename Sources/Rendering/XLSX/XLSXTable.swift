import Foundation
import ReportModel

/// One cell of a table row.
enum XLSXCell {
    case text(String)
    case number(Int)
    /// A date-time cell; an empty (still styled) cell when nil.
    case date(Date?)
    /// A share, shown as a percentage; an empty cell when nil.
    case percent(Double?)
}

extension XLSXCell {
    /// The XLSX form of a shared table cell: status words become text in the report's language, dates
    /// hold the local time of `zone` (the column header names it), unknown figures stay empty.
    init(_ cell: TableCell, _ strings: StringTable, _ zone: ReportTimeZone) {
        switch cell {
        case .text(let text): self = .text(text)
        case .integer(let value): self = .number(value)
        case .date(let date): self = .date(date.map(zone.local))
        case .status(let status): self = .text(strings.status(status))
        case .blank: self = .text("")
        // The mark carries the age a reader needs; a fresh server says no, like the CSV.
        case .freshness(let freshness): self = .text(strings.staleMark(freshness) ?? strings[.freshnessNo])
        }
    }
}

/// How a row is highlighted; the fill tells readers which rows need attention.
enum XLSXHighlight: Int, CaseIterable {
    case none = 0
    case inconsistent
    case error
}

/// What a cell shows, for its number format and its column's width.
enum XLSXColumnKind: Equatable {
    case text
    case number
    case date
}

/// A table sheet's content: localized headers, column kinds, and rows produced from the summary on demand,
/// so that a sheet of a million rows is never held in memory.
protocol XLSXTable: Sendable {
    /// The header row, in the report's language.
    var headers: [String] { get }
    /// What each column holds, which picks its number format.
    var kinds: [XLSXColumnKind] { get }
    /// Data rows in all; a sheet shows a range of them.
    var rowCount: Int { get }
    /// Columns that hold ids, kept wide enough for a whole UUID.
    var idColumns: Set<Int> { get }
    /// Calls `body` for each row in `range`, in report order, with a cell buffer reused between rows.
    func forEachRow(in range: Range<Int>, _ body: (_ cells: [XLSXCell], _ highlight: XLSXHighlight) throws -> Void)
        rethrows
}

extension XLSXTable {
    /// Width that shows a 36-character UUID uncut.
    static var idWidth: Int { 38 }

    /// Column widths in characters that fit the header and the first `sample` rows, between `minimum` and `maximum`.
    func columnWidths(in range: Range<Int>, sample: Int = 10_000, minimum: Int = 8, maximum: Int = 60) -> [Double] {
        var widths = headers.map { XLSXText.displayWidth($0) + 2 }
        let sampled = range.lowerBound..<min(range.upperBound, range.lowerBound + sample)
        forEachRow(in: sampled) { cells, _ in
            for (index, cell) in cells.enumerated() where widths[index] < maximum {
                switch cell {
                case .text(let text):
                    // UTF-8 length bounds the display width from above: most cells are settled without a scan.
                    if text.utf8.count > widths[index] {
                        widths[index] = max(widths[index], XLSXText.displayWidth(text))
                    }
                case .number(let n): widths[index] = max(widths[index], XLSXText.groupedDigits(n) + 1)
                case .date: widths[index] = max(widths[index], 20)
                case .percent: widths[index] = max(widths[index], 9)
                }
            }
        }
        for column in idColumns where column < widths.count { widths[column] = max(widths[column], Self.idWidth) }
        return widths.map { Double(min(maximum, max(minimum, $0))) + 0.7 }
    }
}
