import Foundation
import Hummingbird
import Logging
import ReportModel
import SMSAPI

/// The handlers behind the mock's routes, with authentication and fault injection in front of them.
struct MockRoutes: Sendable {
    let world: MockWorld
    let options: MockOptions
    let counters: MockCounters
    let logger: Logger
    /// The server-side rate limit of `options.faults.rateLimit`; shared by every request.
    let bucket: MockTokenBucket?
    /// The session tokens and temporary keys handed out by the metadata routes.
    let issued: MockIssuedKeys

    init(world: MockWorld, options: MockOptions, counters: MockCounters, issued: MockIssuedKeys, logger: Logger) {
        self.issued = issued
        self.world = world
        self.options = options
        self.counters = counters
        self.logger = logger
        self.bucket = options.faults.rateLimit.map { MockTokenBucket(rate: $0, burst: options.faults.rateLimitBurst) }
    }

    /// An authenticated request as the handlers see it.
    struct Incoming {
        var request: SignableRequest
        var rawQuery: String?
        var number: Int
    }

    /// Counts, authenticates and maybe fails the request, hands it to `handler`, and answers `latency` after the
    /// request arrived: the mock's own work is part of the latency, not added to it.
    func serve(_ route: String, _ request: Request, handler: (Incoming) throws -> Response) async throws -> Response {
        let arrival = ContinuousClock.now
        let response = try await answer(route, request, handler: handler)
        let latency = options.faults.latency
        if latency > .zero { try await Task.sleep(until: arrival + latency, clock: .continuous) }
        return response
    }

    private func answer(_ route: String, _ request: Request, handler: (Incoming) throws -> Response) async throws
        -> Response
    {
        let number = counters.arrived(route: route)
        let body = Array(try await request.body.collect(upTo: 4 << 20).readableBytesView)
        let faults = options.faults
        // HTTP/1 `Host` arrives as the authority pseudo-header; the signature covers it like any header.
        let authority = request.head.authority ?? ""
        let signable = SignableRequest(
            method: request.method.rawValue, host: authority, path: request.uri.path,
            query: MockAuthenticator.queryFields(request.uri.query),
            headers: [SignableRequest.Field("Host", authority)]
                + request.headers.map { SignableRequest.Field($0.name.rawName, $0.value) },
            body: body)
        let authenticator = MockAuthenticator(options: options, issued: issued)
        if let reason = authenticator.rejection(of: signable, rawQuery: request.uri.query) {
            counters.rejected()
            logger.warning("mock rejected a request", metadata: ["mock.route": "\(route)", "mock.reason": "\(reason)"])
            return Self.json(
                .unauthorized,
                MockResponses.error(code: "APIG.0301", message: "Incorrect IAM authentication information: \(reason)"),
                number: number)
        }
        if let project = signable.header("X-Project-Id") { counters.sawProject(project) }
        if faults.permissionDenied {
            return Self.json(.forbidden, MockResponses.permissionDenied(), number: number)
        }
        if let every = faults.throttleEveryNth, every > 0, number % every == 0 {
            return throttled(route, number: number, retryAfter: faults.retryAfter)
        }
        if let bucket, let wait = bucket.take(now: options.now()) {
            return throttled(route, number: number, retryAfter: MockTokenBucket.retryAfter(wait))
        }
        if faults.serverErrorRate > 0 {
            var random = SplitMix64(seed: faults.serverErrorSeed ^ (UInt64(number) &* 0x9E37_79B9_7F4A_7C15))
            if random.unit() < faults.serverErrorRate {
                counters.failed()
                let status: HTTPResponse.Status = [.internalServerError, .badGateway, .serviceUnavailable][
                    Int(random.next() % 3)]
                return Self.json(
                    status, MockResponses.error(code: "SMS.0999", message: "Internal error (injected)."), number: number
                )
            }
        }
        return try handler(Incoming(request: signable, rawQuery: request.uri.query, number: number))
    }

    /// A 429 `APIG.0308` on `route`, counted, with `retryAfter` when given.
    private func throttled(_ route: String, number: Int, retryAfter: String?) -> Response {
        counters.throttled(route: route)
        var response = Self.json(
            .tooManyRequests, MockResponses.error(code: "APIG.0308", message: "The request is throttled."),
            number: number)
        if let retryAfter { response.headers[.retryAfter] = retryAfter }
        return response
    }

    /// `POST /v3/tasks/consistency-results/export`.
    func export(_ incoming: Incoming) throws -> Response {
        let language = (incoming.request.header("X-Language") ?? "en-us").lowercased()
        func refuse(_ code: String, _ message: String) -> Response {
            Self.json(.badRequest, MockResponses.error(code: code, message: message), number: incoming.number)
        }
        guard let batch = Self.taskInfo(incoming.request.body) else {
            return refuse("SMS.0201", "The request body is not valid.")
        }
        // Refused batches are counted too, so that a test can see a zh-cn attempt before its en-us fallback.
        func record(_ status: Int) {
            counters.exported(
                size: batch.count, language: language, status: status, taskIDs: batch.map(\.taskID),
                sourceNames: batch.map(\.sourceName))
        }
        guard batch.count <= SMSClient.maximumBatchSize else {
            record(400)
            return refuse(
                "SMS.0202", "task_info holds at most \(SMSClient.maximumBatchSize) entries, not \(batch.count).")
        }
        guard ["en-us", "zh-cn"].contains(language) else {
            record(400)
            return refuse("SMS.0205", "Unknown X-Language \(language.prefix(40)).")
        }
        guard options.faults.exportAcceptedLanguages.contains(language) else {
            record(400)
            return refuse("SMS.0206", "Only English is supported.")
        }
        record(200)
        if options.faults.exportAcknowledgementOnly {
            return Self.json(.ok, .object([:]), number: incoming.number)
        }
        var response = Response(
            status: .ok,
            body: .init(
                byteBuffer: ByteBuffer(bytes: MockResponses.exportArtefact(batch, language: language, world: world))))
        response.headers[.contentType] = "text/csv;charset=UTF-8"
        response.headers[.contentDisposition] = "attachment; filename=\"consistency-results-\(language).csv\""
        response.headers[Self.requestIDField] = "mock-\(incoming.number)"
        return response
    }

    /// `GET /v3/tasks/{task_id}/consistency-result`.
    func consistencyResult(_ incoming: Incoming) -> Response {
        let path = incoming.request.path
        let encodedID = path.dropFirst("/v3/tasks/".count).dropLast("/consistency-result".count)
        let taskID = SDKPercentEncoding.decode(String(encodedID))
        let faults = options.faults
        counters.answeredResult(taskID: taskID)
        if faults.forbiddenTaskIDs.contains(taskID) {
            return Self.json(.forbidden, MockResponses.permissionDenied(), number: incoming.number)
        }
        guard !faults.notFoundTaskIDs.contains(taskID), let task = world.task(id: taskID) else {
            return Self.json(
                .notFound, MockResponses.error(code: "SMS.6105", message: "The task does not exist."),
                number: incoming.number)
        }
        if faults.malformedTaskIDs.contains(taskID) {
            return Self.raw(.ok, MockResponses.malformed, number: incoming.number)
        }
        return Self.json(.ok, MockResponses.result(of: task, faults: faults), number: incoming.number)
    }

    /// `GET /v3/tasks?limit=&offset=&state=`.
    func listTasks(_ incoming: Incoming) -> Response {
        var parameters: [String: String] = [:]
        for field in incoming.request.query { parameters[field.name] = field.value }
        let limit = min(max(Int(parameters["limit"] ?? "") ?? 100, 1), TaskPage.maximumLimit)
        let offset = max(Int(parameters["offset"] ?? "") ?? 0, 0)
        let matching = world.tasks.filter { task in parameters["state"].map { $0.isEmpty || $0 == task.state } ?? true }
        let page = matching.dropFirst(offset).prefix(limit)
        return Self.json(.ok, MockResponses.taskPage(page, count: matching.count), number: incoming.number)
    }

    private static func taskInfo(_ body: [UInt8]) -> [TaskInfo]? {
        guard case .object(let root)? = try? JSONValue.parse(body), let entries = root["task_info"]?.arrayValue else {
            return nil
        }
        var batch: [TaskInfo] = []
        for entry in entries {
            guard let fields = entry.objectValue else { return nil }
            var values: [String] = []
            for key in ["task_id", "source_id", "source_name"] {
                let value = fields[key]
                guard value == nil || value == .null || value?.textValue != nil else { return nil }
                let text = value?.textValue ?? ""
                guard text.count <= TaskInfo.maximumFieldLength else { return nil }
                values.append(text)
            }
            batch.append(TaskInfo(taskID: values[0], sourceID: values[1], sourceName: values[2]))
        }
        return batch
    }

    /// `X-Request-Id`, on every answer, as the real gateway sends it.
    static let requestIDField = HTTPFields.Element.Name("X-Request-Id")!

    /// A JSON answer to request `number`.
    static func json(_ status: HTTPResponse.Status, _ value: JSONValue, number: Int) -> Response {
        var response = raw(status, value.encoded(), number: number)
        response.headers[.contentType] = "application/json;charset=UTF-8"
        return response
    }

    /// A JSON answer of an `Encodable` value (the counters route).
    static func json<Value: Encodable>(_ status: HTTPResponse.Status, _ value: Value) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var response = Response(
            status: status, body: .init(byteBuffer: ByteBuffer(bytes: (try? encoder.encode(value)) ?? Data())))
        response.headers[.contentType] = "application/json"
        return response
    }

    /// An answer with `body` as it is.
    static func raw(_ status: HTTPResponse.Status, _ body: [UInt8], number: Int) -> Response {
        var response = Response(status: status, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        response.headers[requestIDField] = "mock-\(number)"
        return response
    }
}
