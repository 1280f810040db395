import ReportModel

/// Writes RFC 4180 CSV (CRLF, quoting as needed) to a ``FileSink``: the one place that escapes for CSV.
///
/// Text cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'` so that a spreadsheet never
/// runs a value from the API as a formula. Other text is kept as it is, control characters included.
public struct CSVTableWriter {
    private let sink: FileSink
    private let strings: StringTable
    private let timeZone: ReportTimeZone

    /// Starts a CSV file, with a UTF-8 byte order mark when `byteOrderMark` (Excel needs it for non-ASCII);
    /// times are written in `timeZone` with their offset.
    public init(
        sink: FileSink, strings: StringTable, byteOrderMark: Bool, timeZone: ReportTimeZone = .utc
    ) throws {
        self.sink = sink
        self.strings = strings
        self.timeZone = timeZone
        if byteOrderMark { try sink.write([0xEF, 0xBB, 0xBF]) }
    }

    /// Writes a header row.
    public func writeHeader(_ names: [String]) throws {
        try writeRow(names.map(TableCell.text))
    }

    /// Writes one row of cells.
    public func writeRow(_ cells: [TableCell]) throws {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(",") }
            line.append(field(cell))
        }
        line.append("\r\n")
        try sink.write(line)
    }

    private func field(_ cell: TableCell) -> String {
        switch cell {
        case .integer(let value): String(value)
        case .date(let date): date.map { ReportTime.iso8601($0, in: timeZone) } ?? ""
        case .blank: ""
        case .status(let status): Self.quoted(strings.status(status))
        case .freshness(let freshness): Self.quoted(strings.staleWord(freshness))
        case .text(let text): Self.quoted(Self.neutralized(text))
        }
    }

    /// `text` with a leading `'` when a spreadsheet would read it as a formula.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    /// `text` quoted when it holds a comma, quote, CR or LF, with quotes doubled.
    public static func quoted(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
