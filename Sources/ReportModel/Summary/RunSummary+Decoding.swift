import Foundation

// Reading `summary.json` back (`smsreport notify --summary`): every key but `exit_code` may be missing or null,
// since a failed run writes what it knew; a report comes back with its name, language and formats only.

extension RunSummary: Decodable {
    /// Reads a `summary.json` object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(toolVersion: try container.decodeIfPresent(String.self, forKey: .toolVersion) ?? "")
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.currentSchemaVersion
        exitCode = try container.decode(Int.self, forKey: .exitCode)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        startedAt = try Self.date(container, .startedAt)
        finishedAt = try Self.date(container, .finishedAt)
        endpointHost = try container.decodeIfPresent(String.self, forKey: .endpointHost)
        manifest = try container.decodeIfPresent(ManifestInfo.self, forKey: .manifest)
        reports = try container.decodeIfPresent([ReportEntryValue].self, forKey: .reports)?.map(\.definition) ?? []
        totals = try container.decodeIfPresent(Totals.self, forKey: .totals) ?? Totals()
        changes = try container.decodeIfPresent(Changes.self, forKey: .changes) ?? Changes()
        waivers = try container.decodeIfPresent(Waivers.self, forKey: .waivers) ?? Waivers()
        files = try container.decodeIfPresent([FileEntry].self, forKey: .files) ?? []
        warnings = try container.decodeIfPresent([Warning].self, forKey: .warnings) ?? []
        history = try container.decodeIfPresent(HistoryState.self, forKey: .history) ?? HistoryState()
        credentialsSource = try container.decodeIfPresent(String.self, forKey: .credentialsSource)
        pruned = try container.decodeIfPresent([String].self, forKey: .pruned) ?? []
        coverage = try container.decodeIfPresent(Coverage.self, forKey: .coverage)
    }

    /// Reads `summary.json`'s bytes.
    public static func decode(_ data: Data) throws -> RunSummary {
        try JSONDecoder().decode(RunSummary.self, from: data)
    }

    /// A time as ``ReportTime/iso8601(_:)`` writes it (`2026-12-07T02:15:00Z`), nil when absent.
    static func date<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws -> Date? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = parseTime(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "not a time like 2026-12-07T02:15:00Z")
        }
        return date
    }

    /// `2026-12-07T02:15:00Z` (whole seconds, UTC: the only form ``ReportTime/iso8601(_:)`` writes).
    static func parseTime(_ text: String) -> Date? {
        let digits = text.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard text.count == 20, text.hasSuffix("Z"), digits.count == 6 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(
            year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4], second: digits[5])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// A report as `summary.json` lists it.
    private struct ReportEntryValue: Decodable {
        var name: String
        var language: ReportLanguage
        var formats: [ReportFormat]

        var definition: ReportDefinition { ReportDefinition(name: name, language: language, formats: formats) }
    }
}

extension RunSummary.Totals: Decodable {
    /// Reads `totals`; a missing count is 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        servers = try container.decodeIfPresent(Int.self, forKey: .servers) ?? 0
        byStatus.merge(try container.decodeIfPresent([String: Int].self, forKey: .byStatus) ?? [:]) { $1 }
        directories = try container.decodeIfPresent(Int.self, forKey: .directories) ?? 0
        totalFiles = try container.decodeIfPresent(Int.self, forKey: .totalFiles) ?? 0
        different = try container.decodeIfPresent(Int.self, forKey: .different) ?? 0
        missing = try container.decodeIfPresent(Int.self, forKey: .missing) ?? 0
        extra = try container.decodeIfPresent(Int.self, forKey: .extra) ?? 0
        stale = try container.decodeIfPresent(Int.self, forKey: .stale) ?? 0
    }
}

extension RunSummary.Changes: Decodable {
    /// Reads `changes`; a missing list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        previousRun = try RunSummary.date(container, .previousRun)
        newlyInconsistent = try container.decodeIfPresent([String].self, forKey: .newlyInconsistent) ?? []
        resolved = try container.decodeIfPresent([String].self, forKey: .resolved) ?? []
        newlyVerified = try container.decodeIfPresent([String].self, forKey: .newlyVerified) ?? []
        newServers = try container.decodeIfPresent([String].self, forKey: .newServers) ?? []
        gone = try container.decodeIfPresent([String].self, forKey: .gone) ?? []
        stillInconsistent = try container.decodeIfPresent([Streak].self, forKey: .stillInconsistent) ?? []
    }
}

extension RunSummary.Changes.Streak: Decodable {
    private enum Keys: String, CodingKey { case server, runs }

    /// Reads one `still_inconsistent` entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(
            server: try container.decode(String.self, forKey: .server),
            runs: try container.decode(Int.self, forKey: .runs))
    }
}

extension RunSummary.Waivers: Decodable {
    private enum Keys: String, CodingKey { case applied, expired, unused }

    /// Reads `waivers`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init()
        applied = try container.decodeIfPresent(Int.self, forKey: .applied) ?? 0
        expired = try container.decodeIfPresent([String].self, forKey: .expired) ?? []
        unused = try container.decodeIfPresent([String].self, forKey: .unused) ?? []
    }
}

extension RunSummary.FileEntry: Decodable {
    private enum Keys: String, CodingKey { case path, bytes, sha256 }

    /// Reads one `files` entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(
            path: try container.decode(String.self, forKey: .path),
            bytes: try container.decode(Int.self, forKey: .bytes),
            sha256: try container.decode(String.self, forKey: .sha256))
    }
}

extension RunSummary.Warning: Decodable {
    private enum Keys: String, CodingKey { case code, message }

    /// Reads one `warnings` entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(try container.decode(Code.self, forKey: .code), try container.decode(String.self, forKey: .message))
    }
}

extension RunSummary.Warning.Code: Decodable {}

extension RunSummary.HistoryState: Decodable {
    /// Reads `history`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            recorded: try container.decodeIfPresent(Bool.self, forKey: .recorded) ?? false,
            error: try container.decodeIfPresent(String.self, forKey: .error))
    }
}

extension RunSummary.Coverage: Decodable {
    /// Reads `coverage`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            listed: try container.decode(Int.self, forKey: .listed),
            notInManifest: try container.decodeIfPresent([UncoveredTask].self, forKey: .notInManifest) ?? [],
            notListed: try container.decodeIfPresent([String].self, forKey: .notListed) ?? [])
    }
}

extension RunSummary.Coverage.UncoveredTask: Decodable {
    /// Reads one `not_in_manifest` entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            taskID: try container.decode(String.self, forKey: .taskID),
            sourceName: try container.decode(String.self, forKey: .sourceName),
            state: try container.decode(String.self, forKey: .state))
    }
}
