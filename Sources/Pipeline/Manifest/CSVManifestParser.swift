import CSV
import Foundation

/// Parses a CSV manifest: a header row naming `task_id`, `source_id` and `source_name` in any order
/// (extra columns ignored), RFC 4180 quoting; each record keeps the physical line it starts on.
struct CSVManifestParser {
    let file: String
    /// `,` for CSV; `\t` for the tab-separated text Excel saves as "Unicode text".
    var delimiter: UnicodeScalar = ","

    static let requiredColumns = ["task_id", "source_id", "source_name"]

    func parse(_ text: String) throws -> [RawEntry] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            throw ManifestError("\(file): cannot read CSV: \(error)")
        }
        var line = 1
        var header: [String: Int]?
        var headerWidth = 0
        var entries: [RawEntry] = []
        while let row = reader.next() {
            let start = line
            line += 1 + row.reduce(0) { $0 + Self.lineBreaks(in: $1) }
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let columns = header else {
                header = try headerColumns(row, line: start)
                headerWidth = row.count
                continue
            }
            entries.append(entry(row, columns: columns, width: headerWidth, line: start))
        }
        if let error = reader.error {
            throw ManifestError("\(file):\(line): cannot read CSV: \(error)")
        }
        guard header != nil else {
            throw ManifestError("\(file): empty CSV: expected a header row with task_id,source_id,source_name")
        }
        return entries
    }

    private func headerColumns(_ row: [String], line: Int) throws -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in row.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if columns[key] == nil { columns[key] = index }
        }
        let missing = Self.requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw ManifestError(
                "\(file):\(line): the header lacks \(missing.joined(separator: ", ")) "
                    + "(found: \(row.joined(separator: ", "))); expected task_id,source_id,source_name")
        }
        return columns
    }

    private func entry(_ row: [String], columns: [String: Int], width: Int, line: Int) -> RawEntry {
        var problems: [String] = []
        if row.count < width || row[width...].contains(where: { !$0.isEmpty }) {
            problems.append("has \(row.count) fields, the header has \(width)")
        }
        func field(_ name: String) -> String {
            guard let index = columns[name], index < row.count else { return "" }
            return row[index].trimmingCharacters(in: .whitespaces)
        }
        return RawEntry(
            taskID: field("task_id"), sourceID: field("source_id"), sourceName: field("source_name"),
            location: ManifestLocation(file: file, line: line), problems: problems)
    }

    /// Line breaks inside a quoted field: CRLF, CR and LF each count once.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previousCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\r" {
                count += 1
                previousCR = true
            } else {
                if scalar == "\n" && !previousCR { count += 1 }
                previousCR = false
            }
        }
        return count
    }
}
