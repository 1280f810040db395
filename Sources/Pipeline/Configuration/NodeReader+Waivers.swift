import ReportModel
import Yams

extension NodeReader {
    /// The keys a waiver may have (SPEC 6).
    static let waiverKeys: Set<String> = ["id", "directory", "server", "reason", "approved_by", "expires"]

    /// Reads a list of waivers, failing each problem with its line: unknown keys, a missing id, directory or
    /// expires, a bad glob, a bad date, an id used twice.
    mutating func waivers(_ node: Node) -> [Waiver] {
        guard let sequence = node.sequence else {
            fail(node, "waivers must be a list")
            return []
        }
        var waivers: [Waiver] = []
        var seen: Set<String> = []
        for item in sequence {
            guard let mapping = item.mapping else {
                fail(item, "a waiver must be a mapping with id, directory, reason, approved_by and expires")
                continue
            }
            for (key, _) in mapping where !Self.waiverKeys.contains(key.string ?? "") {
                let known = Self.waiverKeys.sorted().joined(separator: ", ")
                fail(key, "unknown waiver setting '\(key.string ?? "")' (known: \(known))")
            }
            func required(_ key: String) -> (Node, String)? {
                guard let node = mapping[key] else {
                    fail(item, "a waiver needs \(key)")
                    return nil
                }
                guard let text = string(node, key), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    fail(node, "\(key) is empty")
                    return nil
                }
                return (node, text)
            }
            let id = required("id")
            let directory = required("directory").flatMap { glob($0.0, $0.1, "directory") }
            let server = mapping["server"].flatMap { node in string(node, "server").flatMap { glob(node, $0, "server") }
            }
            var expires: CalendarDay?
            if let (node, text) = required("expires") {
                expires = CalendarDay(iso: text)
                if expires == nil { fail(node, "expires '\(text)' is not a date such as 2027-03-31") }
            }
            let reason = mapping["reason"].flatMap { string($0, "reason") } ?? ""
            let approvedBy = mapping["approved_by"].flatMap { string($0, "approved_by") }
            if let (node, text) = id {
                if !seen.insert(text).inserted { fail(node, "waiver id '\(text)' is used twice") }
            }
            guard let id, let directory, let expires else { continue }
            waivers.append(
                Waiver(
                    id: id.1, directory: directory, server: server, reason: reason, approvedBy: approvedBy,
                    expires: expires))
        }
        return waivers
    }

    private mutating func glob(_ node: Node, _ text: String, _ key: String) -> Glob? {
        do {
            return try Glob(text)
        } catch {
            fail(node, "\(key): \(error)")
            return nil
        }
    }

    /// Reads `fail_on`: a list of conditions or one comma-separated text.
    mutating func failOn(_ node: Node) -> Set<FailCondition> {
        let items = node.sequence.map { Array($0) } ?? [node]
        var conditions: Set<FailCondition> = []
        for item in items {
            guard let text = item.scalar?.string else {
                fail(item, "fail_on: each must be one of \(FailCondition.valueList)")
                continue
            }
            do {
                conditions.formUnion(try FailCondition.parse([text]))
            } catch {
                fail(item, "fail_on: \(error)")
            }
        }
        return conditions
    }
}

/// A waivers file (`--waivers FILE`): a mapping with `waivers:`, as in the config, or the bare list.
public enum WaiverFile {
    /// Parses the YAML text; `file` names it in errors (`waivers.yaml:7: …`).
    public static func parse(yaml text: String, file: String) throws -> [Waiver] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError("\(file): invalid YAML: \(error)")
        }
        var reader = NodeReader(file: file)
        var waivers: [Waiver] = []
        if let root, root.sequence != nil {
            waivers = reader.waivers(root)
        } else if let mapping = root?.mapping, let list = mapping["waivers"] {
            for (key, _) in mapping where key.string != "waivers" {
                reader.fail(key, "unknown setting '\(key.string ?? "")' in a waivers file (only waivers)")
            }
            waivers = reader.waivers(list)
        } else {
            throw ConfigurationError("\(file): expected waivers: followed by a list of waivers")
        }
        try reader.throwIfProblems()
        return waivers
    }
}
