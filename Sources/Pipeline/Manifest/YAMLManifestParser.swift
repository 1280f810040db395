import Yams

/// Parses a YAML manifest (the same shapes as JSON); errors name the entry's index and its line.
struct YAMLManifestParser {
    let file: String

    func parse(_ text: String) throws -> [RawEntry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ManifestError("\(file): invalid YAML: \(error)")
        }
        let list: Node.Sequence
        if let sequence = root?.sequence {
            list = sequence
        } else if let sequence = root?.mapping?["task_info"]?.sequence {
            list = sequence
        } else {
            throw ManifestError("\(file): expected a list of tasks or a mapping with a task_info list")
        }
        return list.enumerated().map { index, node in
            let location = ManifestLocation(file: file, line: node.mark.map { $0.line }, index: index)
            guard let mapping = node.mapping else {
                return RawEntry(
                    taskID: "", sourceID: "", sourceName: "", location: location, problems: ["not a mapping"])
            }
            var problems: [String] = []
            func field(_ name: String) -> String {
                guard let value = mapping[name] else { return "" }
                guard let scalar = value.scalar else {
                    problems.append("\(name) is not a scalar")
                    return ""
                }
                if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
                return scalar.string
            }
            let taskID = ManifestText.identifier(field("task_id"))
            let sourceID = ManifestText.identifier(field("source_id"))
            let sourceName = field("source_name")
            return RawEntry(
                taskID: taskID, sourceID: sourceID, sourceName: sourceName, location: location, problems: problems)
        }
    }
}
