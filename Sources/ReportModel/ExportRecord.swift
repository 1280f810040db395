/// What became of one export request: one batch of tasks in one language.
public struct ExportRecord: Codable, Sendable, Hashable {
    /// 1-based batch number, as in `batch-0001`.
    public var batch: Int
    public var taskCount: Int
    /// The language asked for first.
    public var requestedLanguage: ReportLanguage
    /// The language of the saved artefact: differs from the requested one after a zh-cn → en-us fallback;
    /// nil when the export failed.
    public var language: ReportLanguage?
    /// Path of the saved artefact relative to the output folder, e.g. `exports/en-us/batch-0001.xlsx`;
    /// nil for an acknowledgement with no file or a failure.
    public var file: String?
    public var contentType: String?
    public var byteCount: Int
    /// The batch could not be exported; reports list it and the run exits 4.
    public var error: TaskError?

    public init(
        batch: Int, taskCount: Int, requestedLanguage: ReportLanguage, language: ReportLanguage?,
        file: String?, contentType: String?, byteCount: Int, error: TaskError?
    ) {
        self.batch = batch
        self.taskCount = taskCount
        self.requestedLanguage = requestedLanguage
        self.language = language
        self.file = file
        self.contentType = contentType
        self.byteCount = byteCount
        self.error = error
    }

    /// True when the server answered with a language other than the one asked for.
    public var fellBack: Bool { language != nil && language != requestedLanguage }

    enum CodingKeys: String, CodingKey {
        case batch
        case taskCount = "task_count"
        case requestedLanguage = "requested_language"
        case language, file
        case contentType = "content_type"
        case byteCount = "byte_count"
        case error
    }
}
