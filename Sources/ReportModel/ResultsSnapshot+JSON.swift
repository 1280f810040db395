import Foundation

extension ResultsSnapshot {
    /// Why a `results.json` could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// `results.json` bytes: pretty-printed, sorted keys, ISO 8601 dates, so two snapshots diff cleanly.
    public func jsonData() throws -> Data {
        var data = Data()
        try writeJSON { data.append(contentsOf: $0.utf8) }
        return data
    }

    /// Writes `results.json` in pieces, one task at a time, so that a snapshot of 100,000 tasks is never
    /// encoded as one tree in memory. The outer object is written here with its keys in sorted order; each
    /// value is encoded by `JSONEncoder` and indented to its depth, so the result is the pretty-printed,
    /// sorted-keys JSON of the whole snapshot.
    public func writeJSON(_ write: (String) throws -> Void) throws {
        let encoder = Self.encoder()
        func value(_ value: some Encodable, depth: Int) throws -> String {
            let text = String(decoding: try encoder.encode(value), as: UTF8.self)
            let indent = String(repeating: "  ", count: depth)
            // Blank lines (the encoder's empty arrays) stay blank, without trailing spaces.
            return text.replacingOccurrences(of: "\n", with: "\n" + indent)
                .replacingOccurrences(of: "\n" + indent + "\n", with: "\n\n")
        }
        func array(_ elements: [some Encodable]) throws {
            guard !elements.isEmpty else { return try write("[]") }
            try write("[\n")
            for (index, element) in elements.enumerated() {
                try write("    " + (try value(element, depth: 2)) + (index + 1 < elements.count ? ",\n" : "\n"))
            }
            try write("  ]")
        }
        try write("{\n")
        // `coverage` only when checked: a snapshot without it keeps the bytes it always had.
        if let coverage { try write("  \"coverage\" : " + (try value(coverage, depth: 1)) + ",\n") }
        try write("  \"exports\" : ")
        try array(exports)
        try write(",\n  \"run\" : " + (try value(run, depth: 1)))
        try write(",\n  \"schema_version\" : \(schemaVersion),\n  \"tasks\" : ")
        try array(tasks)
        try write("\n}\n")
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ReportTime.iso8601(date))
        }
        return encoder
    }
}
