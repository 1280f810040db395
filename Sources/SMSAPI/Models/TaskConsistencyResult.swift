/// The brief consistency verification result of one task.
public struct TaskConsistencyResult: Sendable, Hashable {
    /// The verified directories; empty when the task is not verified yet.
    public var directories: [DirectoryCheck]
    /// Verification time normalized to milliseconds since the epoch; nil when absent or 0.
    public var finishedTimeMilliseconds: Int64?

    public init(directories: [DirectoryCheck], finishedTimeMilliseconds: Int64?) {
        self.directories = directories
        self.finishedTimeMilliseconds = finishedTimeMilliseconds
    }
}

/// One verified directory and its file counts (`ConsistencyResult` on the wire).
public struct DirectoryCheck: Sendable, Hashable, Codable {
    public var path: String
    public var total: Int
    public var different: Int
    public var missingOnTarget: Int
    public var extraOnTarget: Int

    public init(path: String, total: Int, different: Int = 0, missingOnTarget: Int = 0, extraOnTarget: Int = 0) {
        self.path = path
        self.total = total
        self.different = different
        self.missingOnTarget = missingOnTarget
        self.extraOnTarget = extraOnTarget
    }

    enum CodingKeys: String, CodingKey {
        case path = "dir_check"
        case total = "num_total_files"
        case different = "num_different_files"
        case missingOnTarget = "num_target_miss_files"
        case extraOnTarget = "num_target_more_files"
    }

    /// Reads the wire form; missing counts are 0 and a missing path is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decodeIfPresent(String.self, forKey: .path) ?? ""
        total = try container.decodeIfPresent(Int.self, forKey: .total) ?? 0
        different = try container.decodeIfPresent(Int.self, forKey: .different) ?? 0
        missingOnTarget = try container.decodeIfPresent(Int.self, forKey: .missingOnTarget) ?? 0
        extraOnTarget = try container.decodeIfPresent(Int.self, forKey: .extraOnTarget) ?? 0
    }
}
