import ReportModel

/// Report flags given on the command line, applied to the configured reports without ever dropping one
/// (SPEC 4): the shared ones to every report, the per-report ones only to the report `--report NAME` picks.
///
/// Fields every report shares (the title today; time zone and handover context later) go in ``Shared`` and
/// ``Shared/apply(to:)``, the one place that applies them.
public struct ReportOverrides: Sendable {
    /// Flags that apply to every report.
    public struct Shared: Sendable {
        public var title: String?

        public init(title: String? = nil) {
            self.title = title
        }

        /// `report` with every given shared flag applied.
        public func apply(to report: ReportDefinition) -> ReportDefinition {
            var report = report
            if let title { report.title = title }
            return report
        }
    }

    public var shared: Shared
    public var language: ReportLanguage?
    public var formats: [ReportFormat]?
    public var name: String?
    /// `--report NAME`: the configured report the per-report flags change.
    public var target: String?

    public init(
        shared: Shared = Shared(), language: ReportLanguage? = nil, formats: [ReportFormat]? = nil,
        name: String? = nil, target: String? = nil
    ) {
        self.shared = shared
        self.language = language
        self.formats = formats
        self.name = name
        self.target = target
    }

    /// True when a flag that changes one report's identity or files is given.
    var changesOneReport: Bool { language != nil || formats != nil || name != nil }

    /// The reports to write: without configured reports, the one report the flags describe (or the default);
    /// with them, every configured report, the shared flags applied to all and the per-report ones to the
    /// `--report` target. Throws ``ConfigurationError`` (exit 2) for per-report flags without a valid target.
    public func reports(configured: [ReportDefinition]) throws -> [ReportDefinition] {
        guard !configured.isEmpty else {
            if let target {
                throw ConfigurationError(
                    "--report \(target): there are no configured reports to pick from (give --config)")
            }
            let language = language ?? .enUS
            let name = name ?? "consistency-\(language.rawValue)"
            if let problem = ReportName.problem(name) { throw ConfigurationError("--name '\(name)': \(problem)") }
            let report = ReportDefinition(name: name, language: language, formats: formats ?? ReportFormat.standard)
            return [shared.apply(to: report)]
        }
        let names = configured.map(\.name)
        guard let target else {
            if changesOneReport {
                throw ConfigurationError(
                    "--language, --format and --name change one report, and the config has "
                        + "\(names.count == 1 ? "the report" : "the reports") \(names.joined(separator: ", ")): "
                        + "give --report NAME to say which (--title applies to every report)")
            }
            return configured.map(shared.apply)
        }
        guard names.contains(target) else {
            throw ConfigurationError(
                "--report \(target): the config has no such report (it has \(names.joined(separator: ", ")))")
        }
        var reports = configured.map(shared.apply)
        let index = names.firstIndex(of: target)!
        if let language { reports[index].language = language }
        if let formats { reports[index].formats = formats }
        if let name {
            if let problem = ReportName.problem(name) { throw ConfigurationError("--name '\(name)': \(problem)") }
            guard !names.enumerated().contains(where: { $0.offset != index && $0.element == name }) else {
                throw ConfigurationError("--name \(name): another configured report already has that name")
            }
            reports[index].name = name
        }
        return reports
    }
}
