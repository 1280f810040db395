import Foundation

/// Parses a CSV manifest: a header row naming `task_id`, `source_id` and `source_name` in any order
/// (extra columns ignored, none named twice), RFC 4180 quoting; each record keeps the physical line it starts on.
///
/// Rows whose cells are all empty (Excel writes `,,,` for them) are skipped. `task_id` and `source_id` are
/// trimmed of surrounding whitespace; `source_name` is kept exactly as written, because the export request and
/// the reports must carry the name the manifest gives.
struct CSVManifestParser {
    let file: String
    /// `,` for CSV; `\t` for the tab-separated text Excel saves as "Unicode text".
    var delimiter: UnicodeScalar = ","

    static let requiredColumns = ["task_id", "source_id", "source_name"]

    func parse(_ text: String) throws -> [RawEntry] {
        let records: [CSVRecordScanner.Record]
        do {
            records = try CSVRecordScanner.records(text, delimiter: delimiter)
        } catch {
            throw ManifestError(
                "\(file):\(error.line): unterminated quote: the quoted field that starts on this line never ends")
        }
        var header: [String: Int]?
        var headerWidth = 0
        var entries: [RawEntry] = []
        for record in records where !Self.isBlank(record.fields) {
            guard let columns = header else {
                header = try headerColumns(record.fields, line: record.line)
                headerWidth = record.fields.count
                continue
            }
            entries.append(entry(record.fields, columns: columns, width: headerWidth, line: record.line))
        }
        guard header != nil else {
            throw ManifestError("\(file): empty CSV: expected a header row with task_id,source_id,source_name")
        }
        return entries
    }

    private static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private func headerColumns(_ row: [String], line: Int) throws -> [String: Int] {
        var columns: [String: Int] = [:]
        var problems: [String] = []
        for (index, name) in row.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            // Excel pads a sheet with unnamed columns; only a name given twice is ambiguous.
            guard !key.isEmpty else { continue }
            if let first = columns[key] {
                problems.append(
                    "\(file):\(line): the header names column '\(key)' twice (columns \(first + 1) and \(index + 1))")
            } else {
                columns[key] = index
            }
        }
        guard problems.isEmpty else { throw ManifestError(problems: problems) }
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
            return row[index]
        }
        return RawEntry(
            taskID: ManifestText.identifier(field("task_id")), sourceID: ManifestText.identifier(field("source_id")),
            sourceName: field("source_name"), location: ManifestLocation(file: file, line: line), problems: problems)
    }
}
