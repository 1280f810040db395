import Foundation
import ReportModel
import SMSAPI

/// Reads a manifest (CSV, JSON or YAML), validates every entry and drops duplicate task ids.
///
/// Validation happens before any API call: all problems are collected, each with file and line
/// (`tasks.csv:17: task_id is empty`), and returned together in one ``ManifestError``.
public struct ManifestReader: Sendable {
    /// The text encoding to read with (`--manifest-encoding`); nil detects it (BOM, UTF-8, then GB18030).
    public var encoding: ManifestEncoding?

    public init(encoding: ManifestEncoding? = nil) {
        self.encoding = encoding
    }

    /// Parses and validates `data`; `name` is how errors and reports name the manifest (`-` for stdin).
    public func read(_ data: Data, name: String, format: ManifestFormat? = nil) throws -> Manifest {
        let info = ManifestInfo(name: name, sha256: HexDigest.sha256(data), taskCount: 0)
        if format == nil, XLSXManifestParser.isWorkbook(data, name: name) {
            return try validate(XLSXManifestParser(file: name).parse(data), info: info)
        }
        let decoded = try ManifestTextDecoding(file: name).decode(data, forced: encoding)
        let body = decoded.text
        let delimiter = Self.delimiter(of: body)
        // A tab-separated header ("Unicode text", often saved as .txt) is CSV with tabs, whatever the name says.
        let format =
            format ?? ManifestFormat(fileName: name) ?? (delimiter == "\t" ? .csv : ManifestFormat.sniff(body[...]))
        let raw: [RawEntry]
        switch format {
        case .csv:
            raw = try CSVManifestParser(file: name, delimiter: delimiter).parse(body)
        case .json:
            raw = try JSONManifestParser(file: name).parse(decoded.encoding == .utf8 ? data : Data(body.utf8))
        case .yaml: raw = try YAMLManifestParser(file: name).parse(body)
        }
        var manifest = try validate(raw, info: info)
        if let warning = decoded.warning { manifest.warnings.insert(warning, at: 0) }
        return manifest
    }

    /// A tab when the header line has tabs and no comma (Excel's "Unicode text" is tab-separated), else a comma.
    static func delimiter(of text: String) -> UnicodeScalar {
        // `isNewline`, not a comparison with "\n": CRLF is one Character in Swift.
        let header = text.prefix(while: { !$0.isNewline })
        return header.contains("\t") && !header.contains(",") ? "\t" : ","
    }

    /// Validates parsed entries: non-empty task ids, lengths, a grouping key; drops duplicates with a warning.
    public func validate(_ raw: [RawEntry], info: ManifestInfo) throws -> Manifest {
        var problems: [String] = []
        var entries: [ManifestEntry] = []
        var warnings: [String] = []
        var seen: [String: ManifestLocation] = [:]
        for entry in raw {
            let before = problems.count
            if !entry.problems.isEmpty {
                problems.append(contentsOf: entry.problems.map { "\(entry.location): \($0)" })
                continue
            }
            if entry.taskID.isEmpty {
                problems.append("\(entry.location): task_id is empty")
            } else if entry.taskID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                problems.append("\(entry.location): task_id contains a control character")
            }
            for (field, value) in [
                ("task_id", entry.taskID), ("source_id", entry.sourceID), ("source_name", entry.sourceName),
            ] {
                let length = value.unicodeScalars.count
                // The API's limit (TaskInfo), checked here so that a long field fails before any request.
                if length > TaskInfo.maximumFieldLength {
                    problems.append(
                        "\(entry.location): \(field) is \(length) characters long "
                            + "(at most \(TaskInfo.maximumFieldLength))")
                }
            }
            if entry.sourceID.isEmpty && entry.sourceName.isEmpty {
                problems.append(
                    "\(entry.location): source_id and source_name are both empty (one is needed to group tasks by server)"
                )
            }
            guard problems.count == before else { continue }
            if let first = seen[entry.taskID] {
                warnings.append("\(entry.location): duplicate task_id \(entry.taskID) dropped (first at \(first))")
                continue
            }
            seen[entry.taskID] = entry.location
            entries.append(
                ManifestEntry(
                    taskID: entry.taskID, sourceID: entry.sourceID, sourceName: entry.sourceName,
                    location: entry.location))
        }
        guard problems.isEmpty else { throw ManifestError(problems: problems) }
        guard !entries.isEmpty else { throw ManifestError("\(info.name): the manifest holds no task") }
        var info = info
        info.taskCount = entries.count
        return Manifest(entries: entries, info: info, warnings: warnings)
    }
}

/// An entry as parsed, before validation; `problems` holds what the parser already found wrong with it.
public struct RawEntry: Sendable {
    public var taskID: String
    public var sourceID: String
    public var sourceName: String
    public var location: ManifestLocation
    public var problems: [String]

    public init(
        taskID: String, sourceID: String, sourceName: String, location: ManifestLocation, problems: [String] = []
    ) {
        self.taskID = taskID
        self.sourceID = sourceID
        self.sourceName = sourceName
        self.location = location
        self.problems = problems
    }
}
