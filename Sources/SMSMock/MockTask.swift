import SMSAPI

/// One task of the mock world: what `GET /v3/tasks` lists and what its consistency result is.
public struct MockTask: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var state: String
    public var sourceID: String
    public var sourceName: String
    public var sourceIP: String
    /// Milliseconds since the epoch; nil when not verified.
    public var finishedTime: Int64?
    /// Empty when not verified.
    public var directories: [DirectoryCheck]

    public init(
        id: String, name: String, state: String = "MIGRATE_SUCCESS", sourceID: String, sourceName: String,
        sourceIP: String = "", finishedTime: Int64?, directories: [DirectoryCheck]
    ) {
        self.id = id
        self.name = name
        self.state = state
        self.sourceID = sourceID
        self.sourceName = sourceName
        self.sourceIP = sourceIP
        self.finishedTime = finishedTime
        self.directories = directories
    }

    /// The consistency result the mock serves for this task.
    public var result: TaskConsistencyResult {
        TaskConsistencyResult(directories: directories, finishedTimeMilliseconds: finishedTime)
    }

    /// The manifest entry for this task.
    public var taskInfo: TaskInfo { TaskInfo(taskID: id, sourceID: sourceID, sourceName: sourceName) }

    enum CodingKeys: String, CodingKey {
        case id = "task_id"
        case name, state
        case sourceID = "source_id"
        case sourceName = "source_name"
        case sourceIP = "source_ip"
        case finishedTime = "finished_time"
        case directories = "consistency_result"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        state = try container.decodeIfPresent(String.self, forKey: .state) ?? "MIGRATE_SUCCESS"
        sourceID = try container.decodeIfPresent(String.self, forKey: .sourceID) ?? ""
        sourceName = try container.decodeIfPresent(String.self, forKey: .sourceName) ?? ""
        sourceIP = try container.decodeIfPresent(String.self, forKey: .sourceIP) ?? ""
        finishedTime = try container.decodeIfPresent(Int64.self, forKey: .finishedTime)
        directories = try container.decodeIfPresent([DirectoryCheck].self, forKey: .directories) ?? []
    }
}
