/// A migration task as `GET /v3/tasks` lists it, reduced to what a report needs.
public struct MigrationTask: Sendable, Hashable {
    public var id: String
    public var name: String
    public var state: String
    public var sourceID: String
    public var sourceName: String
    public var sourceIP: String

    public init(id: String, name: String, state: String, sourceID: String, sourceName: String, sourceIP: String) {
        self.id = id
        self.name = name
        self.state = state
        self.sourceID = sourceID
        self.sourceName = sourceName
        self.sourceIP = sourceIP
    }

    /// The manifest entry for this task.
    public var taskInfo: TaskInfo { TaskInfo(taskID: id, sourceID: sourceID, sourceName: sourceName) }
}

/// One page of `GET /v3/tasks`.
public struct TaskPage: Sendable, Hashable {
    /// All tasks matching the query, not only this page's.
    public var count: Int
    public var tasks: [MigrationTask]

    public init(count: Int, tasks: [MigrationTask]) {
        self.count = count
        self.tasks = tasks
    }
}
