/// Reading `GET /v3/tasks` bodies.
extension TaskPage {
    /// Decodes `{"count":N,"tasks":[{"id","name","state","source_server":{"id","name","ip"}}]}`, tolerating
    /// missing, null and unknown fields; a task without an id is unrecognized.
    static func decode(body: [UInt8]) throws(TaskConsistencyResult.DecodingFailure) -> TaskPage {
        typealias Failure = TaskConsistencyResult.DecodingFailure
        guard let json = try? JSONValue.parse(body), case .object(let root) = json else {
            throw Failure(reason: "not a JSON object")
        }
        var tasks: [MigrationTask] = []
        if let list = root["tasks"], !list.isNull {
            guard let entries = list.arrayValue else { throw Failure(reason: "tasks is not an array") }
            for entry in entries {
                guard case .object(let fields) = entry, let id = fields["id"]?.textValue, !id.isEmpty else {
                    throw Failure(reason: "a task has no id")
                }
                let source = fields["source_server"]?.objectValue ?? [:]
                tasks.append(
                    MigrationTask(
                        id: id, name: fields["name"]?.textValue ?? "", state: fields["state"]?.textValue ?? "",
                        sourceID: source["id"]?.textValue ?? "", sourceName: source["name"]?.textValue ?? "",
                        sourceIP: source["ip"]?.textValue ?? ""))
            }
        }
        let count: Int
        switch root["count"] {
        case .integer(let number)? where number >= 0: count = Int(number)
        case nil, .null?: count = tasks.count
        default: throw Failure(reason: "count is not a number")
        }
        return TaskPage(count: count, tasks: tasks)
    }
}
