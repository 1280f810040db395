/// One entry of an export batch: a task and the source server it migrates.
public struct TaskInfo: Codable, Sendable, Hashable {
    public var taskID: String
    public var sourceID: String
    public var sourceName: String

    public init(taskID: String, sourceID: String, sourceName: String) {
        self.taskID = taskID
        self.sourceID = sourceID
        self.sourceName = sourceName
    }

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id"
        case sourceID = "source_id"
        case sourceName = "source_name"
    }

    /// The most characters the API accepts in each field.
    public static let maximumFieldLength = 255
}
