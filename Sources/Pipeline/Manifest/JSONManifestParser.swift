import Foundation

/// Parses a JSON manifest: an array of `{task_id, source_id, source_name}` objects, or the API's own
/// `{"task_info": [...]}`. Errors name the entry's index.
struct JSONManifestParser {
    let file: String

    func parse(_ data: Data) throws -> [RawEntry] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ManifestError(
                "\(file): invalid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)")
        }
        let list: [Any]
        if let array = root as? [Any] {
            list = array
        } else if let object = root as? [String: Any], let array = object["task_info"] as? [Any] {
            list = array
        } else {
            throw ManifestError("\(file): expected an array of tasks or an object with a task_info array")
        }
        return list.enumerated().map { index, element in
            let location = ManifestLocation(file: file, index: index)
            guard let object = element as? [String: Any] else {
                return RawEntry(
                    taskID: "", sourceID: "", sourceName: "", location: location, problems: ["not an object"])
            }
            var problems: [String] = []
            func field(_ name: String) -> String {
                switch object[name] {
                case nil, is NSNull: return ""
                case let value as String: return value
                default:
                    problems.append("\(name) is not a string")
                    return ""
                }
            }
            let entry = RawEntry(
                taskID: ManifestText.identifier(field("task_id")),
                sourceID: ManifestText.identifier(field("source_id")),
                sourceName: field("source_name"), location: location)
            return RawEntry(
                taskID: entry.taskID, sourceID: entry.sourceID, sourceName: entry.sourceName, location: location,
                problems: problems)
        }
    }
}
