import SMSAPI

/// One task to report on, as the manifest (or `--discover`) named it, with where it was found.
public struct ManifestEntry: Sendable, Hashable {
    public var taskID: String
    public var sourceID: String
    public var sourceName: String
    public var location: ManifestLocation

    public init(taskID: String, sourceID: String, sourceName: String, location: ManifestLocation) {
        self.taskID = taskID
        self.sourceID = sourceID
        self.sourceName = sourceName
        self.location = location
    }

    /// The entry as the export API's `task_info` element.
    public var taskInfo: TaskInfo { TaskInfo(taskID: taskID, sourceID: sourceID, sourceName: sourceName) }
}

/// Where an entry stands in its manifest: a CSV line, or a JSON/YAML entry index (with its line when known).
public struct ManifestLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line where the record starts.
    public var line: Int?
    /// 0-based index of the entry in a JSON or YAML array.
    public var index: Int?
    /// The cell of an `.xlsx` entry, `Sheet1!A7` (its task_id cell).
    public var cell: String?

    public init(file: String, line: Int? = nil, index: Int? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.index = index
        self.cell = cell
    }

    /// `tasks.csv:17`, `tasks.json: entry 3`, `tasks.yaml:12: entry 3`.
    public var description: String {
        if let cell { return "\(file):\(cell)" }
        return switch (line, index) {
        case (let line?, let index?): "\(file):\(line): entry \(index)"
        case (let line?, nil): "\(file):\(line)"
        case (nil, let index?): "\(file): entry \(index)"
        case (nil, nil): file
        }
    }
}
