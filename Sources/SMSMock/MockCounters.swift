import Foundation

/// What the mock saw, for tests: requests per route, export batches, concurrency, rejections.
public final class MockCounters: @unchecked Sendable {
    // A lock rather than an actor so that handlers and tests can read and update it synchronously.
    private let lock = NSLock()
    private var state = Snapshot()

    public init() {}

    /// A copy of the counters at one moment.
    public struct Snapshot: Sendable, Hashable, Codable {
        /// Requests per route, before authentication: `export`, `consistency-result`, `list-tasks`, `other`.
        public var requestsPerRoute: [String: Int] = [:]
        public var totalRequests = 0
        /// Requests refused with 401.
        public var authenticationRejections = 0
        /// Well-formed export requests in arrival order, accepted (200) or refused (400).
        public var exportBatches: [ExportBatch] = []
        /// The most `GET …/consistency-result` requests in flight at once.
        public var maxInFlightResultRequests = 0
        /// Answers with injected faults: 429s and 5xx.
        public var throttled = 0
        public var serverErrors = 0
        /// The 429s per route (`throttled` split up).
        public var throttledPerRoute: [String: Int] = [:]
        /// When the first `GET …/consistency-result` arrived and the last one was answered, in seconds since
        /// 1970: the collect phase as the server saw it (for `scripts/bench-collect`); nil before any.
        public var firstResultRequestAt: Double?
        public var lastResultAnswerAt: Double?
        /// Result answers (found or not, after faults) per task id: one each when every task is fetched once.
        public var resultAnswersPerTask: [String: Int] = [:]
        /// The `X-Project-Id` values of authenticated requests, with how many requests carried each.
        public var projectIDs: [String: Int] = [:]

        enum CodingKeys: String, CodingKey {
            case requestsPerRoute = "requests_per_route"
            case totalRequests = "total_requests"
            case authenticationRejections = "authentication_rejections"
            case exportBatches = "export_batches"
            case maxInFlightResultRequests = "max_in_flight_result_requests"
            case throttled
            case serverErrors = "server_errors"
            case throttledPerRoute = "throttled_per_route"
            case firstResultRequestAt = "first_result_request_at"
            case lastResultAnswerAt = "last_result_answer_at"
            case resultAnswersPerTask = "result_answers_per_task"
            case projectIDs = "project_ids"
        }
    }

    /// One well-formed export request: its size, its `X-Language` and the status it was answered with.
    public struct ExportBatch: Sendable, Hashable, Codable {
        public var size: Int
        public var language: String
        public var status: Int
        /// The batch's task ids in request order.
        public var taskIDs: [String]
        /// The batch's `source_name`s exactly as the request carried them, in request order.
        public var sourceNames: [String]

        public init(size: Int, language: String, status: Int = 200, taskIDs: [String] = [], sourceNames: [String] = [])
        {
            self.size = size
            self.language = language
            self.status = status
            self.taskIDs = taskIDs
            self.sourceNames = sourceNames
        }
    }

    private var inFlight = 0

    /// The counters now.
    public func snapshot() -> Snapshot {
        lock.withLock { state }
    }

    /// Counts a request on `route`; returns its 1-based number among all requests.
    func arrived(route: String) -> Int {
        lock.withLock {
            state.requestsPerRoute[route, default: 0] += 1
            state.totalRequests += 1
            return state.totalRequests
        }
    }

    /// Counts an authenticated request's `X-Project-Id`.
    func sawProject(_ id: String) { lock.withLock { state.projectIDs[id, default: 0] += 1 } }
    /// Counts a 401.
    func rejected() { lock.withLock { state.authenticationRejections += 1 } }
    /// Counts an injected 429 on `route`.
    func throttled(route: String) {
        lock.withLock {
            state.throttled += 1
            state.throttledPerRoute[route, default: 0] += 1
        }
    }
    /// Counts an injected 5xx.
    func failed() { lock.withLock { state.serverErrors += 1 } }

    /// Records a well-formed export request, its task ids and source names, and its answer's status.
    func exported(size: Int, language: String, status: Int, taskIDs: [String], sourceNames: [String] = []) {
        lock.withLock {
            state.exportBatches.append(
                ExportBatch(size: size, language: language, status: status, taskIDs: taskIDs, sourceNames: sourceNames))
        }
    }

    /// Counts a result answer for `taskID` (found or not).
    func answeredResult(taskID: String) {
        lock.withLock { state.resultAnswersPerTask[taskID, default: 0] += 1 }
    }

    /// A result request began: tracks the in-flight maximum.
    func resultRequestStarted() {
        let now = Date().timeIntervalSince1970
        lock.withLock {
            if state.firstResultRequestAt == nil { state.firstResultRequestAt = now }
            inFlight += 1
            state.maxInFlightResultRequests = max(state.maxInFlightResultRequests, inFlight)
        }
    }

    /// A result request finished.
    func resultRequestEnded() {
        let now = Date().timeIntervalSince1970
        lock.withLock {
            inFlight -= 1
            state.lastResultAnswerAt = now
        }
    }
}
