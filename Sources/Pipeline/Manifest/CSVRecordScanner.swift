/// Splits CSV text into records (RFC 4180: `,` separates fields, CRLF, LF or CR ends a record, `"` quotes a
/// field and `""` is a quote inside one), each with the physical line it starts on.
///
/// Lenient where Excel is (a stray quote inside an unquoted field is kept as text), strict where data would
/// silently be lost: a quoted field that never ends is an error naming the line where that field starts.
/// (CSV.swift, the stack's CSV reader, reads such a field silently to the end of the file and gives no line
/// numbers; it stays the reader of our own CSV output in the tests.)
struct CSVRecordScanner {
    /// One record: its fields as written (quotes removed) and the 1-based line where it starts.
    struct Record: Equatable {
        var fields: [String]
        var line: Int
    }

    /// A quoted field that is still open at the end of the text.
    struct UnterminatedQuote: Error, Equatable {
        /// The line where the quoted field starts.
        var line: Int
    }

    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    /// Every record of `text`, fields separated by `delimiter` (an ASCII character: `,`, or a tab for Excel's
    /// "Unicode text"), a trailing line break not counting as an empty record.
    static func records(_ text: String, delimiter: UnicodeScalar = ",") throws(UnterminatedQuote) -> [Record] {
        let separator = UInt8(truncatingIfNeeded: delimiter.value)
        let bytes = Array(text.utf8)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldIsQuoted = false
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldIsQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                    continue
                }
                if byte == carriageReturn && !(index < bytes.count && bytes[index] == lineFeed) || byte == lineFeed {
                    line += 1
                }
                field.append(byte)
                continue
            }
            switch byte {
            case separator:
                endField()
            case quote where field.isEmpty && !fieldIsQuoted:
                inQuotes = true
                fieldIsQuoted = true
                quoteLine = line
            case carriageReturn, lineFeed:
                if byte == carriageReturn && index < bytes.count && bytes[index] == lineFeed { index += 1 }
                endField()
                records.append(Record(fields: fields, line: recordLine))
                fields.removeAll()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if inQuotes { throw UnterminatedQuote(line: quoteLine) }
        if !fields.isEmpty || !field.isEmpty || fieldIsQuoted {
            endField()
            records.append(Record(fields: fields, line: recordLine))
        }
        return records
    }
}
