import Foundation
import ReportModel

/// A deterministic synthetic snapshot for benchmarks: `servers` servers with `directoriesPerServer` directories.
enum SyntheticSnapshot {
    /// About 10% of servers inconsistent, 5% not verified and 1% in error; the same seed gives the same data.
    static func make(servers: Int, directoriesPerServer: Int, seed: UInt64 = 42) -> ResultsSnapshot {
        var random = SplitMix64(seed: seed)
        var tasks: [TaskRecord] = []
        tasks.reserveCapacity(servers)
        let base: Int64 = 1_790_000_000_000
        // One string per directory path, shared by every server: a million copies would be half the snapshot.
        let paths = (0..<directoriesPerServer).map { "/data/volume\($0)/app" }
        for index in 0..<servers {
            let roll = random.next() % 100
            let id = String(format: "%08x-0000-4000-8000-%012x", index, index)
            var task = TaskRecord(
                taskID: "task-" + id, sourceID: "src-" + id, sourceName: "server-\(index)",
                finishedTime: base + Int64(random.next() % 86_400_000))
            if roll == 0 {
                task.finishedTime = nil
                task.error = TaskError(kind: .http, code: "SMS.6004", message: "Task not found", httpStatus: 404)
            } else if roll < 6 {
                task.finishedTime = nil
            } else {
                task.directories = (0..<directoriesPerServer).map { d in
                    let total = Int(random.next() % 100_000)
                    let bad = roll < 16 && d == 0
                    return DirectoryResult(
                        path: paths[d],
                        counts: FileCounts(
                            total: total, different: bad ? Int(random.next() % 50) + 1 : 0,
                            missingOnTarget: bad ? Int(random.next() % 10) : 0,
                            extraOnTarget: bad ? Int(random.next() % 5) : 0))
                }
            }
            tasks.append(task)
        }
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        return ResultsSnapshot(
            run: RunMetadata(
                toolVersion: "bench", startedAt: start, finishedAt: start.addingTimeInterval(60),
                endpointHost: "sms.ap-southeast-3.myhuaweicloud.com",
                manifest: ManifestInfo(
                    name: "synthetic.csv", sha256: String(repeating: "0", count: 64), taskCount: servers),
                languages: [.enUS]),
            tasks: tasks)
    }
}
