import Foundation

/// Parses an `.xlsx` manifest: the first sheet, a header row in row 1 naming `task_id`, `source_id` and
/// `source_name` in any order; each entry's place is its task_id cell (`Sheet1!A7`).
///
/// Reads shared strings (with rich-text runs, without phonetic guides), inline strings, numbers (an ID stored
/// as the number 123 reads as `123`), booleans and formula results; cells may be missing, rows and cells may
/// lack their `r` references, and the sheet may lack a `<dimension>`.
struct XLSXManifestParser {
    let file: String

    /// Whether `data` is a zip package (an `.xlsx` starts with `PK`) or `name` says it is one.
    static func isWorkbook(_ data: Data, name: String) -> Bool {
        name.lowercased().hasSuffix(".xlsx") || data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// The entries of the workbook in `data`, each placed at its task_id cell; header problems throw.
    func parse(_ data: Data) throws -> [RawEntry] {
        let package = try XLSXWorkbookPackage(data: data, file: file)
        let strings = try package.sharedStringsXML.map(sharedStrings) ?? []
        let rows = try self.rows(package.sheetXML, part: package.sheetPath, strings: strings)
        let sheet = package.sheetName
        guard let first = rows.first, first.number == 1, !first.cells.values.allSatisfy(\.isEmpty) else {
            throw ManifestError(
                "\(file):\(Self.reference(sheet))!A1: expected a header row with task_id, source_id, source_name")
        }
        var columns: [String: Int] = [:]
        for (column, name) in first.cells.sorted(by: { $0.key < $1.key }) {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if columns[key] == nil { columns[key] = column }
        }
        let missing = CSVManifestParser.requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            let found = first.cells.sorted(by: { $0.key < $1.key }).map(\.value).joined(separator: ", ")
            throw ManifestError(
                "\(file):\(Self.reference(sheet))!A1: the header lacks \(missing.joined(separator: ", ")) "
                    + "(found: \(found)); expected task_id, source_id, source_name")
        }
        let taskColumn = columns["task_id"]!
        var entries: [RawEntry] = []
        for row in rows.dropFirst()
        where !row.cells.values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            func field(_ name: String) -> String { columns[name].flatMap { row.cells[$0] } ?? "" }
            entries.append(
                RawEntry(
                    taskID: field("task_id").trimmingCharacters(in: .whitespaces),
                    sourceID: field("source_id").trimmingCharacters(in: .whitespaces),
                    sourceName: field("source_name"),
                    location: ManifestLocation(
                        file: file, cell: "\(Self.reference(sheet))!\(Self.columnName(taskColumn))\(row.number)")))
        }
        return entries
    }

    /// One sheet row: its 1-based number and its non-empty cells by 0-based column.
    struct Row {
        var number: Int
        var cells: [Int: String]
    }

    /// The rows of `sheet.xml`, in document order.
    private func rows(_ xml: Data, part: String, strings: [String]) throws -> [Row] {
        let reader = try XMLPullReader(data: xml, part: part)
        var rows: [Row] = []
        var row: Row?
        var column = 0
        var cellType = "n"
        var cellRef = ""
        var value = ""
        var inValue = false
        var inInline = false
        var phonetic = 0
        while let event = try XLSXWorkbookPackage.next(reader, file: file) {
            switch event {
            case .start("row", let attributes):
                let number = attributes["r"].flatMap(Int.init) ?? ((rows.last?.number ?? 0) + 1)
                row = Row(number: number, cells: [:])
                column = 0
            case .end("row"):
                if let row { rows.append(row) }
                row = nil
            case .start("c", let attributes):
                cellRef = attributes["r"] ?? ""
                if let parsed = Self.column(of: cellRef) { column = parsed }
                cellType = attributes["t"] ?? "n"
                value = ""
            case .end("c"):
                let text = try cellText(value, type: cellType, strings: strings, at: cellRef)
                if !text.isEmpty { row?.cells[column] = text }
                column += 1
            case .start("v", _): inValue = cellType != "inlineStr"
            case .start("t", _): inValue = inInline && phonetic == 0
            case .start("is", _): inInline = true
            case .end("is"): inInline = false
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .end("v"), .end("t"): inValue = false
            case .text(let text) where inValue && phonetic == 0: value += text
            default: break
            }
        }
        return rows
    }

    /// A cell's text by its type: shared string index, inline string, boolean, or the value as written.
    private func cellText(_ value: String, type: String, strings: [String], at reference: String) throws -> String {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                throw ManifestError("\(file): cell \(reference) refers to shared string \(value), which does not exist")
            }
            return strings[index]
        case "inlineStr", "str": return Self.unescaped(value)
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "n": return Self.numberText(value)
        default: return value
        }
    }

    /// The shared strings table: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out.
    private func sharedStrings(_ xml: Data) throws -> [String] {
        let reader = try XMLPullReader(data: xml, part: "xl/sharedStrings.xml")
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        while let event = try XLSXWorkbookPackage.next(reader, file: file) {
            switch event {
            case .start("si", _): current = ""
            case .end("si"): strings.append(Self.unescaped(current))
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inText = phonetic == 0
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            default: break
            }
        }
        return strings
    }

    /// A number as an ID reads: `123` for 123 (also when Excel wrote `123.0` or `1.23E+2`), else as written.
    static func numberText(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains(where: { $0 == "." || $0 == "E" || $0 == "e" }), let number = Double(trimmed),
            number == number.rounded(), abs(number) < 1e15
        else { return trimmed }
        return String(Int64(number))
    }

    /// OOXML's `_xHHHH_` escapes (how Excel stores control characters) decoded; `_x005F_` is a literal `_`.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let pattern = try! NSRegularExpression(pattern: "_x([0-9A-Fa-f]{4})_")
        let source = text as NSString
        var result = ""
        var cursor = 0
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            result += source.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let hex = source.substring(with: match.range(at: 1))
            if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            }
            cursor = match.range.location + match.range.length
        }
        return result + source.substring(from: cursor)
    }

    /// The 0-based column of a cell reference (`C7` → 2), or nil when there is none.
    static func column(of reference: String) -> Int? {
        let letters = reference.prefix(while: { $0.isASCII && $0.isLetter }).uppercased()
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        return letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value - 64) } - 1
    }

    /// The letters of 0-based `column` (`0` → `A`, `26` → `AA`).
    static func columnName(_ column: Int) -> String {
        var number = column + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    /// A sheet name as a formula reference writes it: quoted when it holds anything but letters, digits and `_`.
    static func reference(_ sheet: String) -> String {
        sheet.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
