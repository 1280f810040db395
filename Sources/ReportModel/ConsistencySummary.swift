import Foundation

/// The aggregate every report renders: servers sorted worst first, and run totals.
public struct ConsistencySummary: Sendable {
    public var servers: [ServerSummary]
    public var totals: Totals
    /// What the waivers did: those in force, expired and unused, and how many directories they accepted.
    public var waivers = WaiverReview()

    /// Run-wide figures: servers per status, directories and file counts.
    public struct Totals: Sendable, Hashable {
        public var serversByStatus: [ServerStatus: Int]
        public var serverCount: Int
        public var taskCount: Int
        public var directoryCount: Int
        public var counts: FileCounts
        /// Tasks whose result could not be obtained.
        public var failedTaskCount: Int

        /// Number of servers with `status`, 0 when none.
        public func servers(_ status: ServerStatus) -> Int { serversByStatus[status] ?? 0 }
    }

    /// Every task whose result could not be obtained, with its server, in report order.
    public var failedTasks: [(server: ServerSummary, task: TaskRecord)] {
        servers.flatMap { server in server.tasks.filter { $0.error != nil }.map { (server, $0) } }
    }

    /// Groups tasks per source server (key `source_id`, else `source_name`) and sorts worst first,
    /// then by source name, then by first task id, so that two runs can be diffed. `waivers` are those in force.
    public init(tasks: [TaskRecord], waivers: [Waiver] = []) {
        var order: [String] = []
        var groups: [String: [TaskRecord]] = [:]
        for task in tasks {
            let key = task.sourceID.isEmpty ? "name:" + task.sourceName : "id:" + task.sourceID
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(task)
        }
        var servers = order.map { key in
            let tasks = groups[key]!
            return ServerSummary(
                key: tasks[0].sourceID.isEmpty ? tasks[0].sourceName : tasks[0].sourceID, tasks: tasks,
                waivers: waivers)
        }
        servers.sort { a, b in
            if a.status != b.status { return a.status < b.status }
            if a.sourceName != b.sourceName { return a.sourceName < b.sourceName }
            return (a.tasks.first?.taskID ?? "") < (b.tasks.first?.taskID ?? "")
        }
        var byStatus: [ServerStatus: Int] = [:]
        var counts = FileCounts.zero
        var directories = 0
        for server in servers {
            byStatus[server.status, default: 0] += 1
            counts += server.counts
            directories += server.directoryCount
        }
        self.servers = servers
        self.totals = Totals(
            serversByStatus: byStatus, serverCount: servers.count, taskCount: tasks.count,
            directoryCount: directories, counts: counts,
            failedTaskCount: tasks.lazy.filter { $0.error != nil }.count)
        self.waivers = WaiverReview(inForce: waivers, servers: servers)
    }
}
