import Yams

extension NodeReader {
    /// `manifest:` (SPEC 8.5): a file path; `-` (stdin) has no place in a job that runs unattended.
    mutating func manifestPath(_ node: Node, _ key: String) -> String? {
        guard let path = path(node, key) else { return nil }
        guard path != "-" else {
            fail(node, "manifest: cannot be - (stdin) in a config; give a file path")
            return nil
        }
        return path
    }

    /// `true` or `false`.
    mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard let value = node.scalar.flatMap({ Bool($0.string.lowercased()) }) else {
            fail(node, "\(key) must be true or false")
            return nil
        }
        return value
    }

    /// `deadline:`: a span such as `90m`, `2h`, `1h30m` or seconds.
    mutating func duration(_ node: Node, _ key: String) -> Double? {
        guard let text = node.scalar?.string, let seconds = DurationText.seconds(text), seconds > 0 else {
            fail(node, "\(key) must be a span of time such as 90m, 2h or 1h30m")
            return nil
        }
        return seconds
    }

    /// `timeout:`: seconds, more than 0 and at most 3600.
    mutating func timeout(_ node: Node, _ key: String) -> Double? {
        guard let text = node.scalar?.string, let value = Double(text), value > 0, value <= 3600 else {
            fail(node, "\(key) must be more than 0 and at most 3600 seconds")
            return nil
        }
        return value
    }
}
