import Foundation

/// What became of one task: its identity from the manifest and the result, or the error, from the API.
public struct TaskRecord: Codable, Sendable, Hashable {
    public var taskID: String
    public var sourceID: String
    public var sourceName: String
    /// Latest verification time in milliseconds since the epoch; nil when unknown (absent or 0).
    public var finishedTime: Int64?
    /// The verified directories; empty for a task not verified or in error.
    public var directories: [DirectoryResult]
    /// Why the result could not be obtained; nil when it was.
    public var error: TaskError? {
        get { errorBox?.error }
        set { errorBox = newValue.map(ErrorBox.init) }
    }
    /// The error out of line: most tasks have none, and a `TaskError` inline would take 120 bytes of every
    /// record (and of every copy a summary makes) instead of 8.
    private var errorBox: ErrorBox?

    private final class ErrorBox: Sendable {
        let error: TaskError
        init(_ error: TaskError) { self.error = error }
    }

    public init(
        taskID: String, sourceID: String, sourceName: String, finishedTime: Int64? = nil,
        directories: [DirectoryResult] = [], error: TaskError? = nil
    ) {
        self.taskID = taskID
        self.sourceID = sourceID
        self.sourceName = sourceName
        self.finishedTime = finishedTime
        self.directories = directories
        self.errorBox = error.map(ErrorBox.init)
    }

    /// How the task counts towards its server's status.
    public var outcome: TaskOutcome {
        if error != nil { return .error }
        if directories.isEmpty { return .notVerified }
        return directories.contains(where: \.isInconsistent) ? .inconsistent : .consistent
    }

    /// The verification time, truncated to the second; nil when unknown.
    public var verifiedAt: Date? {
        guard let ms = finishedTime, ms > 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(ms / 1000))
    }

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id"
        case sourceID = "source_id"
        case sourceName = "source_name"
        case finishedTime = "finished_time"
        case directories, error
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        taskID = try c.decode(String.self, forKey: .taskID)
        sourceID = try c.decodeIfPresent(String.self, forKey: .sourceID) ?? ""
        sourceName = try c.decodeIfPresent(String.self, forKey: .sourceName) ?? ""
        finishedTime = try c.decodeIfPresent(Int64.self, forKey: .finishedTime)
        directories = try c.decodeIfPresent([DirectoryResult].self, forKey: .directories) ?? []
        errorBox = try c.decodeIfPresent(TaskError.self, forKey: .error).map(ErrorBox.init)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(taskID, forKey: .taskID)
        try c.encode(sourceID, forKey: .sourceID)
        try c.encode(sourceName, forKey: .sourceName)
        try c.encodeIfPresent(finishedTime, forKey: .finishedTime)
        try c.encode(directories, forKey: .directories)
        try c.encodeIfPresent(error, forKey: .error)
    }

    public static func == (lhs: TaskRecord, rhs: TaskRecord) -> Bool {
        lhs.taskID == rhs.taskID && lhs.sourceID == rhs.sourceID && lhs.sourceName == rhs.sourceName
            && lhs.finishedTime == rhs.finishedTime && lhs.directories == rhs.directories && lhs.error == rhs.error
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(taskID)
        hasher.combine(sourceID)
        hasher.combine(sourceName)
        hasher.combine(finishedTime)
        hasher.combine(directories)
        hasher.combine(error)
    }
}

/// The status a single task contributes.
public enum TaskOutcome: String, Codable, Sendable {
    case consistent, inconsistent
    case notVerified = "not_verified"
    case error
}

/// One verified directory of a task, with its file counts.
public struct DirectoryResult: Codable, Sendable, Hashable {
    public var path: String
    public var counts: FileCounts

    public init(path: String, counts: FileCounts) {
        self.path = path
        self.counts = counts
    }

    /// True when any file differs, is missing on the target or is extra on the target.
    public var isInconsistent: Bool { counts.hasDifferences }

    enum CodingKeys: String, CodingKey {
        case path = "dir_check"
        case total = "num_total_files"
        case different = "num_different_files"
        case missing = "num_target_miss_files"
        case extra = "num_target_more_files"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? ""
        counts = FileCounts(
            total: try Self.count(c, .total), different: try Self.count(c, .different),
            missingOnTarget: try Self.count(c, .missing), extraOnTarget: try Self.count(c, .extra))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(counts.total, forKey: .total)
        try c.encode(counts.different, forKey: .different)
        try c.encode(counts.missingOnTarget, forKey: .missing)
        try c.encode(counts.extraOnTarget, forKey: .extra)
    }
}

/// File counts of a directory, a task, a server or a whole run.
public struct FileCounts: Sendable, Hashable {
    public var total: Int
    public var different: Int
    public var missingOnTarget: Int
    public var extraOnTarget: Int

    public init(total: Int = 0, different: Int = 0, missingOnTarget: Int = 0, extraOnTarget: Int = 0) {
        self.total = total
        self.different = different
        self.missingOnTarget = missingOnTarget
        self.extraOnTarget = extraOnTarget
    }

    public static let zero = FileCounts()

    /// True when any file differs, is missing on the target or is extra on the target.
    public var hasDifferences: Bool { different > 0 || missingOnTarget > 0 || extraOnTarget > 0 }

    /// Share of verified files that are the same on the target, in hundredths of a percent, rounded down so
    /// that a single differing or missing file never shows as 100%; nil when no file was verified.
    ///
    /// Never traps: the product is taken in double width, so any counts (even sums near `Int.max`) work.
    public var consistencyBasisPoints: Int? {
        guard total > 0 else { return nil }
        let same = min(total, max(0, Self.difference(total, Self.sum(different, missingOnTarget))))
        // same ≤ total, so the quotient is at most 10,000 and dividingFullWidth cannot overflow.
        return total.dividingFullWidth(same.multipliedFullWidth(by: 10_000)).quotient
    }

    /// Field-wise sums that saturate at `Int.max` instead of trapping (see ``sum(_:_:)``).
    public static func + (lhs: FileCounts, rhs: FileCounts) -> FileCounts {
        FileCounts(
            total: sum(lhs.total, rhs.total), different: sum(lhs.different, rhs.different),
            missingOnTarget: sum(lhs.missingOnTarget, rhs.missingOnTarget),
            extraOnTarget: sum(lhs.extraOnTarget, rhs.extraOnTarget))
    }

    public static func += (lhs: inout FileCounts, rhs: FileCounts) { lhs = lhs + rhs }
}

/// Why a task's result (or an export batch) could not be obtained.
public struct TaskError: Codable, Sendable, Hashable, Error {
    /// What kind of failure this was.
    public enum Kind: String, Codable, Sendable {
        /// The API answered with an error status (`httpStatus`, usually with an SMS error body).
        case http
        /// The API answered 200 with a body none of the documented shapes fit (`rawBody` kept).
        case unrecognizedResponse = "unrecognized_response"
        /// No answer: connection refused or reset, timeout, TLS failure.
        case transport
    }

    public var kind: Kind
    /// The SMS or API gateway error code, e.g. `SMS.9004` or `APIG.0308`.
    public var code: String?
    public var message: String
    public var httpStatus: Int?
    public var requestID: String?
    /// The response body as received (UTF-8, invalid bytes replaced), for unrecognized responses: its first
    /// 64 KiB only; `rawBodyBytes` and `rawBodySHA256` describe the whole body (absent in older results.json).
    public var rawBody: String?
    /// The size of the whole unrecognized body in bytes.
    public var rawBodyBytes: Int?
    /// The SHA-256 of the whole unrecognized body, lowercase hex.
    public var rawBodySHA256: String?

    public init(
        kind: Kind, code: String? = nil, message: String, httpStatus: Int? = nil,
        requestID: String? = nil, rawBody: String? = nil
    ) {
        self.kind = kind
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.rawBody = rawBody
    }

    /// `CODE: message (HTTP n)`, the form reports show; parts that are unknown are left out.
    public var displayText: String {
        var text = message
        if let code, !code.isEmpty { text = "\(code): \(message)" }
        if let httpStatus { text += " (HTTP \(httpStatus))" }
        return text
    }

    enum CodingKeys: String, CodingKey {
        case kind, code, message
        case httpStatus = "http_status"
        case requestID = "request_id"
        case rawBody = "raw_body"
        case rawBodyBytes = "raw_body_bytes"
        case rawBodySHA256 = "raw_body_sha256"
    }
}
