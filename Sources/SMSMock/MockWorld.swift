import Foundation
import SMSAPI

/// The tasks and results the mock API serves.
public struct MockWorld: Sendable, Hashable {
    public var tasks: [MockTask]
    private var index: [String: Int]

    /// A world of exactly these tasks (the first of duplicate ids wins).
    public init(tasks: [MockTask]) {
        self.tasks = tasks
        self.index = [:]
        for (position, task) in tasks.enumerated() where index[task.id] == nil {
            index[task.id] = position
        }
    }

    /// The manifest entries of all tasks, in world order (for writing manifests in tests).
    public var taskInfos: [TaskInfo] { tasks.map(\.taskInfo) }

    /// The task list as a manifest (`task_id,source_id,source_name`, every field quoted), in world order; the
    /// last `leavingOut` tasks are left out (the list API still lists them), for trying `--coverage`.
    public func manifestCSV(leavingOut: Int = 0) -> String {
        tasks.dropLast(max(0, leavingOut)).reduce(into: "task_id,source_id,source_name\n") { text, task in
            text += [task.id, task.sourceID, task.sourceName].map(Self.csvField).joined(separator: ",") + "\n"
        }
    }

    /// `value` as a quoted CSV field (`"` doubled), as the mock's exports and manifests write every field.
    static func csvField(_ value: String) -> String { "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The task with `id`, if the world has it.
    public func task(id: String) -> MockTask? {
        index[id].map { tasks[$0] }
    }

    /// Loads `{"tasks":[{"task_id","source_id","source_name","source_ip","name","state","finished_time",
    /// "consistency_result":[{dir_check, num_total_files, …}]}]}`.
    public static func load(jsonFile: URL) throws -> MockWorld {
        struct File: Decodable { var tasks: [MockTask] }
        return MockWorld(tasks: try JSONDecoder().decode(File.self, from: Data(contentsOf: jsonFile)).tasks)
    }

    /// The world as `load(jsonFile:)` reads it.
    public func jsonData() throws -> Data {
        struct File: Encodable { var tasks: [MockTask] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(File(tasks: tasks))
    }
}
