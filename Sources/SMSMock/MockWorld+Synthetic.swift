import ReportModel
import SMSAPI

/// Deterministic synthetic worlds: the same seed always gives the same tasks and results.
extension MockWorld {
    /// `taskCount` tasks with generated ids and names: about 10% inconsistent, 5% not verified, 0–12 directories,
    /// every 12th server with two tasks, every 7th server with a Chinese name.
    public static func synthetic(taskCount: Int, seed: UInt64) -> MockWorld {
        var random = SplitMix64(seed: seed)
        var infos: [TaskInfo] = []
        var server = 0
        while infos.count < taskCount {
            server += 1
            let sourceID = random.uuid()
            let name =
                server % 7 == 3
                ? "数据库服务器-\(threeDigits(server))"
                : "ecs-\(["web", "app", "db", "cache"][server % 4])-\(threeDigits(server))"
            let taskCountOfServer = server % 12 == 5 ? 2 : 1
            for _ in 0..<min(taskCountOfServer, taskCount - infos.count) {
                infos.append(TaskInfo(taskID: random.uuid(), sourceID: sourceID, sourceName: name))
            }
        }
        return synthetic(tasks: infos, seed: seed)
    }

    /// The given tasks with results generated from `seed` and each task id (not from the task's position).
    public static func synthetic(tasks infos: [TaskInfo], seed: UInt64) -> MockWorld {
        MockWorld(
            tasks: infos.enumerated().map { position, info in
                var random = SplitMix64(seed: seed ^ stableHash(info.taskID))
                let roll = random.unit()
                let verified = roll >= 0.05
                let inconsistent = verified && roll < 0.15
                var directories: [DirectoryCheck] = []
                if verified {
                    let count = Int(random.next() % 12) + 1
                    let dirty = inconsistent ? Int(random.next() % UInt64(count)) : -1
                    let roots = [
                        "/", "/boot", "/home", "/var", "/opt", "/srv", "/data", "/usr/local", "/var/log", "/etc",
                    ]
                    for number in 0..<count {
                        let path = number < roots.count ? roots[number] : "/data/volume\(number)"
                        let total = Int(random.next() % 200_000)
                        var check = DirectoryCheck(path: path, total: total)
                        if number == dirty {
                            check.different = Int(random.next() % 40) + 1
                            check.missingOnTarget = Int(random.next() % 5)
                            check.extraOnTarget = Int(random.next() % 3)
                        }
                        directories.append(check)
                    }
                }
                // 2026-11-01T00:00:00Z plus up to three weeks.
                let finished = verified ? 1_793_491_200_000 + Int64(random.next() % 1_814_400_000) : nil
                return MockTask(
                    id: info.taskID, name: "task-\(position + 1)", state: verified ? "MIGRATE_SUCCESS" : "RUNNING",
                    sourceID: info.sourceID, sourceName: info.sourceName,
                    sourceIP: "10.\(random.next() % 256).\(random.next() % 256).\(random.next() % 254 + 1)",
                    finishedTime: finished, directories: directories)
            })
    }

    /// FNV-1a over the UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// The synthetic world's draws from ReportModel's seeded generator.
extension SplitMix64 {
    /// A value in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A UUID-shaped lower-case hex id.
    mutating func uuid() -> String {
        let hex = (0..<4).map { _ in String(next(), radix: 16) }.map {
            String(repeating: "0", count: 16 - $0.count) + $0
        }
        .joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

/// `number` with at least three digits.
private func threeDigits(_ number: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, 3 - text.count)) + text
}
