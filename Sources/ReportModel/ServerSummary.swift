import Foundation

/// One source server's line in a report: its tasks summed, its status and its latest verification time.
public struct ServerSummary: Sendable {
    /// `source_id`, or `source_name` when the id is empty.
    public var key: String
    public var sourceName: String
    public var sourceID: String
    /// The server's tasks in manifest order; their directories are the report's directory rows.
    public var tasks: [TaskRecord]
    public var status: ServerStatus
    public var counts: FileCounts
    public var directoryCount: Int
    /// Latest `finished_time` of the server's tasks, truncated to the second; nil when none is known.
    public var verifiedAt: Date?

    /// The task ids, in manifest order.
    public var taskIDs: [String] { tasks.map(\.taskID) }

    /// The errors of the server's tasks, as `(taskID, error)` pairs in manifest order.
    public var errors: [(taskID: String, error: TaskError)] {
        tasks.compactMap { task in task.error.map { (task.taskID, $0) } }
    }

    /// The directory rows of the server: one per directory of each task, in task then API order.
    public var directoryRows: [DirectoryRow] {
        tasks.flatMap { task in task.directories.map { DirectoryRow(taskID: task.taskID, directory: $0) } }
    }

    /// Builds the summary of one server from its tasks (manifest order), applying SPEC 2.5.
    public init(key: String, tasks: [TaskRecord]) {
        precondition(!tasks.isEmpty, "a server summary needs at least one task")
        self.key = key
        self.tasks = tasks
        self.sourceName = tasks.first(where: { !$0.sourceName.isEmpty })?.sourceName ?? ""
        self.sourceID = tasks.first(where: { !$0.sourceID.isEmpty })?.sourceID ?? ""
        var counts = FileCounts.zero
        var directoryCount = 0
        var latest: Int64 = 0
        for task in tasks {
            for directory in task.directories { counts += directory.counts }
            directoryCount += task.directories.count
            latest = max(latest, task.finishedTime ?? 0)
        }
        self.counts = counts
        self.directoryCount = directoryCount
        self.verifiedAt = latest > 0 ? Date(timeIntervalSince1970: TimeInterval(latest / 1000)) : nil
        let outcomes = Set(tasks.map(\.outcome))
        if outcomes.contains(.inconsistent) {
            status = .inconsistent
        } else if outcomes.contains(.error) {
            status = .error
        } else if outcomes.contains(.notVerified) {
            status = .notVerified
        } else {
            status = .consistent
        }
    }
}

/// One directory of one task, as a row of the directories table.
public struct DirectoryRow: Sendable, Hashable {
    public var taskID: String
    public var directory: DirectoryResult

    public init(taskID: String, directory: DirectoryResult) {
        self.taskID = taskID
        self.directory = directory
    }

    /// `.inconsistent` when any file differs, is missing or extra; `.consistent` otherwise.
    public var status: ServerStatus { directory.isInconsistent ? .inconsistent : .consistent }
}
