import ReportModel

/// Where a run is: which stage, how many of its requests are done.
public struct PipelineProgress: Sendable, Hashable {
    /// A stage that makes requests.
    public enum Stage: Sendable, Hashable, CustomStringConvertible {
        case export(ReportLanguage)
        case collect

        public var description: String {
            switch self {
            case .export(let language): "export \(language.rawValue)"
            case .collect: "collect"
            }
        }
    }

    public var stage: Stage
    public var completed: Int
    public var total: Int

    public init(stage: Stage, completed: Int, total: Int) {
        self.stage = stage
        self.completed = completed
        self.total = total
    }
}
