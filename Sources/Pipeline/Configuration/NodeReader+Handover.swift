import ReportModel
import Yams

extension NodeReader {
    /// Reads a report's `timezone`, context fields, `include` and `max_age` into `report`, failing each bad value
    /// with its line.
    mutating func readHandover(_ mapping: Node.Mapping, into report: inout ReportDefinition) {
        if let node = mapping["timezone"], let name = string(node, "timezone") {
            if let zone = ReportTimeZone(identifier: name) {
                report.timeZone = zone
            } else {
                fail(node, ReportTimeZone.problem(name))
            }
        }
        func text(_ key: String) -> String? { mapping[key].flatMap { string($0, key) } }
        report.handover = HandoverContext(
            customer: text("customer"), project: text("project"), reference: text("reference"),
            preparedBy: text("prepared_by"), remarks: text("remarks"))
        if let node = mapping["include"], let value = string(node, "include") {
            if let include = ReportInclude(rawValue: value.lowercased()) {
                report.include = include
            } else {
                fail(node, "include must be all or problems, not '\(value)'")
            }
        }
        if let node = mapping["max_age"] {
            guard let text = node.scalar?.string, let seconds = DurationText.seconds(text), seconds > 0 else {
                fail(node, "max_age must be a span of time such as 36h or 7d")
                return
            }
            report.maxAge = seconds
        }
    }
}
