import Foundation

extension ResultsSnapshot {
    /// Why a `results.json` could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let description: String

        public init(description: String) { self.description = description }
    }

    /// `results.json` bytes: pretty-printed, sorted keys, ISO 8601 dates, so two snapshots diff cleanly.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ReportTime.iso8601(date))
        }
        return try encoder.encode(self)
    }

    /// Reads `results.json` bytes; `source` names the file in errors.
    public init(jsonData data: Data, source: String = "results.json") throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        struct Version: Decodable { var schema_version: Int? }
        guard let version = try? decoder.decode(Version.self, from: data) else {
            throw ReadError(description: "\(source): not a smsreport results file (invalid JSON)")
        }
        guard version.schema_version == Self.currentSchemaVersion else {
            throw ReadError(
                description: "\(source): schema_version \(version.schema_version.map(String.init) ?? "missing") "
                    + "is not supported (this smsreport reads \(Self.currentSchemaVersion))")
        }
        do {
            self = try decoder.decode(ResultsSnapshot.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReadError(description: "\(source): \(Self.path(context.codingPath + [key])): missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw ReadError(description: "\(source): \(Self.path(context.codingPath)): \(context.debugDescription)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }
}
