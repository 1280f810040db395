import SMSAPI

/// A world that changes between runs, deterministically: epoch N flips a fixed set of servers of the base world.
extension MockWorld {
    /// The base world with roughly one verified server in five flipped, chosen from `epoch` and each source ID:
    /// an inconsistent server becomes consistent, a consistent one gets differences. Epoch 0 is the base world;
    /// every epoch picks its own set, so that two nights in a row show new and resolved inconsistencies.
    public func atEpoch(_ epoch: Int) -> MockWorld {
        guard epoch != 0 else { return self }
        let inconsistentServers = Set(tasks.filter(\.hasDifferences).map(\.sourceID))
        return MockWorld(
            tasks: tasks.map { task in
                guard !task.directories.isEmpty, Self.flips(task.sourceID, epoch: epoch) else { return task }
                var flipped = task
                if inconsistentServers.contains(task.sourceID) {
                    for index in flipped.directories.indices {
                        flipped.directories[index].different = 0
                        flipped.directories[index].missingOnTarget = 0
                        flipped.directories[index].extraOnTarget = 0
                    }
                } else {
                    flipped.directories[0].different = 1 + Int(Self.stableHash("\(task.id)#\(epoch)") % 9)
                }
                return flipped
            })
    }

    /// Whether epoch `epoch` flips the server with `sourceID`.
    public static func flips(_ sourceID: String, epoch: Int) -> Bool {
        stableHash("\(sourceID)@\(epoch)") % 5 == 0
    }
}

extension MockTask {
    /// True when some directory of the task differs between source and target.
    public var hasDifferences: Bool {
        directories.contains { $0.different != 0 || $0.missingOnTarget != 0 || $0.extraOnTarget != 0 }
    }
}
