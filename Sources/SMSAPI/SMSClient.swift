import AsyncHTTPClient
import Foundation
import Logging

/// The three SMS calls smsreport makes, signed, limited, deadlined and retried.
///
/// Every method throws `SMSAPIError` (or `CancellationError` when its task is cancelled).
public struct SMSClient: Sendable {
    let httpClient: HTTPClient
    public let endpoint: SMSEndpoint
    let credentials: SMSCredentials
    public let configuration: SMSClientConfiguration
    let logger: Logger
    let limiter: RequestRateLimiter?
    let breaker: CircuitBreaker

    /// A client for one run; `httpClient` should be built from `configuration.httpClientConfiguration`.
    public init(
        httpClient: HTTPClient, endpoint: SMSEndpoint, credentials: SMSCredentials,
        configuration: SMSClientConfiguration = .init(), logger: Logger
    ) {
        self.httpClient = httpClient
        self.endpoint = endpoint
        self.credentials = credentials
        self.configuration = configuration
        self.logger = logger
        self.limiter =
            configuration.requestsPerSecond == nil && configuration.adaptiveRate == nil
            ? nil
            : RequestRateLimiter(
                requestsPerSecond: configuration.requestsPerSecond, adaptive: configuration.adaptiveRate,
                clock: configuration.clock)
        self.breaker = CircuitBreaker(threshold: configuration.breakerThreshold)
    }

    /// The most entries one export call takes.
    public static let maximumBatchSize = 200

    /// `POST /v3/tasks/consistency-results/export` for 1–200 tasks; the file comes back in `language` (`X-Language`).
    public func exportConsistencyResults(_ batch: [TaskInfo], language: String) async throws -> ExportedFile {
        guard (1...Self.maximumBatchSize).contains(batch.count) else {
            throw SMSAPIError.invalidRequest(
                "an export batch holds 1 to \(Self.maximumBatchSize) tasks, not \(batch.count)")
        }
        for entry in batch {
            for (field, value) in [
                ("task_id", entry.taskID), ("source_id", entry.sourceID), ("source_name", entry.sourceName),
            ]
            where value.count > TaskInfo.maximumFieldLength {
                throw SMSAPIError.invalidRequest(
                    "\(field) of task \(entry.taskID.prefix(64)) is longer than "
                        + "\(TaskInfo.maximumFieldLength) characters"
                )
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(ExportRequestBody(taskInfo: batch))
        let answer = try await perform(
            Call(
                name: "export", method: "POST", path: "/v3/tasks/consistency-results/export",
                headers: [.init("Content-Type", "application/json;charset=UTF-8"), .init("X-Language", language)],
                body: Array(body), task: nil, maxBytes: configuration.maxExportBytes))
        return ExportedFile(
            body: answer.body, contentType: answer.contentType,
            fileNameHint: answer.contentDisposition.flatMap { ExportedFile.fileName(contentDisposition: $0) },
            requestID: answer.requestID)
    }

    /// `GET /v3/tasks/{task_id}/consistency-result`, in any of the documented shapes.
    public func consistencyResult(taskID: String) async throws -> TaskConsistencyResult {
        let answer = try await perform(
            Call(
                name: "consistency-result", method: "GET",
                path: "/v3/tasks/\(SDKPercentEncoding.encode(taskID))/consistency-result",
                headers: [.init("Content-Type", "application/json")], task: taskID,
                maxBytes: configuration.maxResponseBytes))
        return try decode(answer, task: taskID, with: TaskConsistencyResult.decode(body:))
    }

    /// `GET /v3/tasks?limit=&offset=&state=`: one page of migration tasks.
    public func listTasks(state: String?, limit: Int, offset: Int) async throws -> TaskPage {
        var query: [SignableRequest.Field] = [.init("limit", String(limit)), .init("offset", String(offset))]
        if let state, !state.isEmpty { query.append(.init("state", state)) }
        let answer = try await perform(
            Call(
                name: "list-tasks", method: "GET", path: "/v3/tasks", query: query,
                headers: [.init("Content-Type", "application/json")], task: nil,
                maxBytes: configuration.maxResponseBytes))
        return try decode(answer, task: nil, with: TaskPage.decode(body:))
    }
}

/// `{"task_info":[…]}`.
private struct ExportRequestBody: Encodable {
    var taskInfo: [TaskInfo]

    enum CodingKeys: String, CodingKey {
        case taskInfo = "task_info"
    }
}
