import ReportModel
import Yams

/// Reads typed values out of YAML nodes, collecting every problem with its line.
struct NodeReader {
    let file: String
    private(set) var problems: [String] = []

    init(file: String) { self.file = file }

    mutating func fail(_ node: Node, _ message: String) {
        let line = node.mark.map { ":\($0.line)" } ?? ""
        problems.append("\(file)\(line): \(message)")
    }

    func throwIfProblems() throws {
        if !problems.isEmpty { throw ConfigurationError(problems.joined(separator: "\n")) }
    }

    mutating func string(_ node: Node, _ key: String) -> String? {
        guard let value = node.scalar?.string else {
            fail(node, "\(key) must be a text value")
            return nil
        }
        return value
    }

    /// A non-empty text value without NUL, usable as a file system path.
    mutating func path(_ node: Node, _ key: String) -> String? {
        guard let value = node.scalar?.string, !value.isEmpty, !value.contains("\u{0}") else {
            fail(node, "\(key) must be a path (non-empty text)")
            return nil
        }
        return value
    }

    mutating func integer(_ node: Node, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text), range.contains(value) else {
            fail(node, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func number(_ node: Node, _ key: String) -> Double? {
        guard let text = node.scalar?.string, let value = Double(text), value > 0, value.isFinite else {
            fail(node, "\(key) must be a positive number")
            return nil
        }
        return value
    }

    mutating func reports(_ node: Node) -> [ReportDefinition] {
        guard let sequence = node.sequence else {
            fail(node, "reports must be a list")
            return []
        }
        var reports: [ReportDefinition] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                fail(item, "a report must be a mapping with name, language, formats and title")
                continue
            }
            for (key, _) in mapping where !ReportConfiguration.reportKeys.contains(key.string ?? "") {
                let known = ReportConfiguration.reportKeys.sorted().joined(separator: ", ")
                fail(key, "unknown report setting '\(key.string ?? "")' (known: \(known))")
            }
            guard let nameNode = mapping["name"], let name = string(nameNode, "name") else {
                fail(item, "a report needs a name")
                continue
            }
            if let problem = ReportName.problem(name) { fail(nameNode, "report name '\(name)': \(problem)") }
            var language = ReportLanguage.enUS
            if let node = mapping["language"] {
                if let text = string(node, "language"), let parsed = ReportLanguage(rawValue: text.lowercased()) {
                    language = parsed
                } else {
                    fail(node, "language must be en-us or zh-cn")
                }
            }
            var formats = ReportFormat.standard
            if let node = mapping["formats"] {
                formats = self.formats(node)
            }
            let title = mapping["title"].flatMap { string($0, "title") }
            if reports.contains(where: { $0.name == name }) { fail(nameNode, "report name '\(name)' is used twice") }
            var report = ReportDefinition(name: name, language: language, formats: formats, title: title)
            readHandover(mapping, into: &report)
            reports.append(report)
        }
        return reports
    }

    private mutating func formats(_ node: Node) -> [ReportFormat] {
        let items = node.sequence.map { Array($0) } ?? [node]
        var formats: [ReportFormat] = []
        for item in items {
            guard let text = item.scalar?.string, let format = ReportFormat(rawValue: text.lowercased()) else {
                fail(item, "formats: each must be html, xlsx, csv, pdf, junit or bundle")
                continue
            }
            if !formats.contains(format) { formats.append(format) }
        }
        if items.isEmpty { fail(node, "formats: the list is empty") }
        return formats
    }
}
