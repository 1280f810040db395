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
    /// The waiver in force that accepts each differing directory it covers, by index in ``directoryRows``.
    public var acceptances: [Int: Waiver] = [:]

    /// The task ids, in manifest order.
    public var taskIDs: [String] { tasks.map(\.taskID) }

    /// The errors of the server's tasks, as `(taskID, error)` pairs in manifest order.
    public var errors: [(taskID: String, error: TaskError)] {
        tasks.compactMap { task in task.error.map { (task.taskID, $0) } }
    }

    /// The directory rows of the server: one per directory of each task, in task then API order.
    public var directoryRows: [DirectoryRow] {
        var index = -1
        return tasks.flatMap { task in
            task.directories.map { directory in
                index += 1
                return DirectoryRow(taskID: task.taskID, directory: directory, waiver: acceptances[index])
            }
        }
    }

    /// Builds the summary of one server from its tasks (manifest order), applying SPEC 2.5 and the waivers in
    /// force (SPEC 6): a differing directory a waiver covers is accepted, not inconsistent.
    public init(key: String, tasks: [TaskRecord], waivers: [Waiver] = []) {
        precondition(!tasks.isEmpty, "a server summary needs at least one task")
        self.key = key
        self.tasks = tasks
        self.sourceName = tasks.first(where: { !$0.sourceName.isEmpty })?.sourceName ?? ""
        self.sourceID = tasks.first(where: { !$0.sourceID.isEmpty })?.sourceID ?? ""
        var counts = FileCounts.zero
        var directoryCount = 0
        var latest: Int64 = 0
        var acceptances: [Int: Waiver] = [:]
        var uncovered = false
        let sourceName = self.sourceName
        let sourceID = self.sourceID
        for task in tasks {
            for (offset, directory) in task.directories.enumerated() {
                counts += directory.counts
                guard directory.isInconsistent else { continue }
                // The first waiver in file order wins, so the id a reader sees does not depend on the others.
                if let waiver = waivers.first(where: {
                    $0.covers(path: directory.path, sourceName: sourceName, sourceID: sourceID)
                }) {
                    acceptances[directoryCount + offset] = waiver
                } else {
                    uncovered = true
                }
            }
            directoryCount += task.directories.count
            latest = max(latest, task.finishedTime ?? 0)
        }
        self.counts = counts
        self.acceptances = acceptances
        self.directoryCount = directoryCount
        self.verifiedAt = latest > 0 ? Date(timeIntervalSince1970: TimeInterval(latest / 1000)) : nil
        let outcomes = Set(tasks.map(\.outcome))
        if uncovered {
            status = .inconsistent
        } else if outcomes.contains(.error) {
            status = .error
        } else if outcomes.contains(.notVerified) {
            status = .notVerified
        } else if !acceptances.isEmpty {
            status = .accepted
        } else {
            status = .consistent
        }
    }
}

/// One directory of one task, as a row of the directories table.
public struct DirectoryRow: Sendable, Hashable {
    public var taskID: String
    public var directory: DirectoryResult
    /// The waiver in force that accepts this directory's differences; nil when none does.
    public var waiver: Waiver?

    public init(taskID: String, directory: DirectoryResult, waiver: Waiver? = nil) {
        self.taskID = taskID
        self.directory = directory
        self.waiver = waiver
    }

    /// `.inconsistent` when any file differs, is missing or extra, `.accepted` when a waiver covers that, else
    /// `.consistent`.
    public var status: ServerStatus {
        guard directory.isInconsistent else { return .consistent }
        return waiver == nil ? .inconsistent : .accepted
    }
}
