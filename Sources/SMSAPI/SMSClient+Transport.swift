import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// One call on the wire: signing, the rate limit, the deadline, the size limit and the retries.
extension SMSClient {
    /// What to send.
    struct Call: Sendable {
        var name: String
        /// `GET` or `POST`.
        var method: String
        /// Percent-encoded path.
        var path: String
        var query: [SignableRequest.Field] = []
        var headers: [SignableRequest.Field]
        var body: [UInt8] = []
        var task: String?
        var maxBytes: Int
    }

    /// A 2xx answer.
    struct Answer: Sendable {
        var status: Int
        var body: [UInt8]
        var requestID: String?
        var contentType: String?
        var contentDisposition: String?
    }

    /// Sends `call` until it succeeds, fails for good, the retries run out, the run's deadline passes or the
    /// circuit breaker opens.
    func perform(_ call: Call) async throws -> Answer {
        var attempt = 1
        while true {
            try Task.checkCancellation()
            try await checkRunIsOpen(call)
            var ticket: RequestRateLimiter.Ticket?
            if let limiter {
                ticket = try await limiter.acquire()
                try await checkRunIsOpen(call)
            }
            var metadata: Logger.Metadata = ["sms.call": "\(call.name)", "sms.attempt": "\(attempt)"]
            if let task = call.task { metadata["sms.task_id"] = "\(task)" }
            logger.debug("SMS request", metadata: metadata)
            let failure: SMSAPIError
            do {
                let answer = try await timedSend(call)
                await breaker.recordAnswer()
                await limiter?.recordAnswer()
                return answer
            } catch let error as SMSAPIError {
                if error.isDeadlineReached || error.isUnknownHost || error.isProxyAuthenticationRequired {
                    throw error.about(task: call.task).redacting(credentials.secrets)
                }
                failure = error.about(task: call.task).redacting(credentials.secrets)
            }
            // Only requests without any answer count toward the breaker; a malformed answer, like any other
            // answer, shows that the server is there (SPEC 8.2 "Endpoint down").
            if failure.isTransport {
                if await breaker.recordNoAnswer(failure.errorMessage) { try await checkRunIsOpen(call) }
            } else {
                await breaker.recordAnswer()
                await adapt(to: failure, ticket: ticket, metadata: metadata)
            }
            let clock = configuration.clock
            switch configuration.retry.decision(
                after: failure, attempt: attempt, now: clock.now(), random: clock.random())
            {
            case .giveUp:
                logger.debug("SMS request failed", metadata: metadata.merging(Self.metadata(failure)) { $1 })
                throw failure
            case .retry(let wait):
                // A wait that would end past the run's deadline is not worth starting.
                if let deadline = configuration.runDeadline, clock.now().addingTimeInterval(wait.seconds) >= deadline {
                    throw SMSAPIError.deadlineReached().about(task: call.task)
                }
                metadata["retry.delay_ms"] = "\(Int64(wait.seconds * 1000))"
                // Debug, not warning: a throttled run retries often and recovers; cron logs stay quiet.
                logger.debug(
                    "SMS request failed, retrying", metadata: metadata.merging(Self.metadata(failure)) { $1 })
                try await clock.sleep(wait)
                attempt += 1
            }
        }
    }

    /// Tells the rate limiter about an HTTP answer that was not a success: a 429 may lower the rate, any other
    /// status is an answer like a success.
    private func adapt(to failure: SMSAPIError, ticket: RequestRateLimiter.Ticket?, metadata: Logger.Metadata) async {
        guard let limiter else { return }
        guard failure.httpStatus == 429, let ticket else {
            await limiter.recordAnswer()
            return
        }
        if let rate = await limiter.recordThrottled(ticket) {
            logger.debug(
                "SMS request rate lowered after a 429",
                metadata: metadata.merging(["rate.requests_per_second": "\(String(format: "%.1f", rate))"]) { $1 })
        }
    }

    /// Throws when no further request may go out: the breaker is open or the run's deadline has passed.
    private func checkRunIsOpen(_ call: Call) async throws(SMSAPIError) {
        if let reason = await breaker.openedBy {
            throw SMSAPIError.endpointDown(count: breaker.threshold, host: endpoint.host, last: reason)
                .about(task: call.task)
        }
        if let deadline = configuration.runDeadline, configuration.clock.now() >= deadline {
            throw SMSAPIError.deadlineReached().about(task: call.task)
        }
    }

    /// One attempt bounded end to end by `--timeout` (connect, head and the whole body), and by the run's deadline.
    private func timedSend(_ call: Call) async throws -> Answer {
        var limit = configuration.readTimeout
        var cutByRunDeadline = false
        if let deadline = configuration.runDeadline {
            let remaining = deadline.timeIntervalSince(configuration.clock.now())
            if remaining <= 0 { throw SMSAPIError.deadlineReached() }
            if remaining < limit.seconds {
                limit = .milliseconds(Int64((remaining * 1000).rounded(.up)))
                cutByRunDeadline = true
            }
        }
        let attemptLimit = limit
        return try await withThrowingTaskGroup(of: Answer?.self) { group in
            group.addTask { try await send(call, limit: attemptLimit) }
            // The timer: the read timeout of the HTTP client is per read, so a body that drips a byte at a time
            // would never end without it.
            group.addTask {
                try await Task.sleep(for: attemptLimit)
                return nil
            }
            defer { group.cancelAll() }
            if let answer = try await group.next() ?? nil { return answer }
            if cutByRunDeadline { throw SMSAPIError.deadlineReached() }
            throw SMSAPIError.transport(
                "\(call.method) \(endpoint.host): no complete answer within \(Self.format(attemptLimit)) (--timeout)")
        }
    }

    /// `1 s`, `0.25 s`.
    static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds == seconds.rounded() ? "\(Int64(seconds)) s" : String(format: "%.3g s", seconds)
    }

    /// Reads a 200 answer with `decoder`; a body it cannot read becomes an unrecognized-response error.
    func decode<Value>(
        _ answer: Answer, task: String?,
        with decoder: ([UInt8]) throws(TaskConsistencyResult.DecodingFailure) -> Value
    ) throws(SMSAPIError) -> Value {
        do {
            return try decoder(answer.body)
        } catch {
            throw SMSAPIError.unrecognized(
                reason: error.reason, status: answer.status, rawBody: answer.body, requestID: answer.requestID
            ).about(task: task).redacting(credentials.secrets)
        }
    }

    private static func metadata(_ error: SMSAPIError) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["error": "\(error.description)"]
        if let status = error.httpStatus { metadata["http.status"] = "\(status)" }
        if let code = error.errorCode { metadata["sms.error_code"] = "\(code)" }
        return metadata
    }

    /// One attempt; throws SMSAPIError for every failure (or CancellationError).
    private func send(_ call: Call, limit: Duration) async throws -> Answer {
        let request = try await signedRequest(call)
        let response: HTTPClientResponse
        do {
            // Later than the attempt's own timer, which gives the clearer message; this one is a backstop.
            response = try await httpClient.execute(request, timeout: .init(limit * 2 + .seconds(1)))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            ResponseTally.shared.record(nil)
            if let detail = Self.unresolvedHostDetail(error) {
                throw SMSAPIError.unknownHost(endpoint.host, detail: detail)
            }
            if let proxy = configuration.proxy, Self.isProxyAuthenticationFailure(error) {
                throw SMSAPIError.proxyAuthenticationRequired(proxy)
            }
            let malformed = Self.isMalformedAnswer(error)
            let message =
                "\(call.method) \(endpoint.host): \(malformed ? "unreadable answer: " : "")\(Self.describe(error))"
            throw (malformed ? SMSAPIError.malformed(message) : SMSAPIError.transport(message))
                .redacting(credentials.secrets + configuration.secrets)
        }
        let status = Int(response.status.code)
        ResponseTally.shared.record(status)
        // A plain-HTTP request through a proxy gets the proxy's 407 as its answer.
        if status == 407, let proxy = configuration.proxy { throw SMSAPIError.proxyAuthenticationRequired(proxy) }
        let requestID = response.headers.first(name: "X-Request-Id")
        let body: [UInt8]
        do {
            body = Array(buffer: try await response.body.collect(upTo: call.maxBytes))
        } catch is NIOTooManyBytesError {
            throw SMSAPIError.tooLarge(limit: call.maxBytes, status: status, requestID: requestID)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            guard Self.isMalformedAnswer(error) else {
                throw SMSAPIError.transport("reading the answer from \(endpoint.host): \(Self.describe(error))")
            }
            throw SMSAPIError.malformed("reading the answer from \(endpoint.host): unreadable answer: \(error)")
        }
        guard (200..<300).contains(status) else {
            let errorBody = SMSErrorBody(bytes: body)
            throw SMSAPIError.http(
                status: status, body: errorBody, requestID: requestID,
                retryAfter: response.headers.first(name: "Retry-After"),
                rawText: errorBody == nil && !body.isEmpty ? String(decoding: body.prefix(4096), as: UTF8.self) : nil)
        }
        return Answer(
            status: status, body: body, requestID: requestID,
            contentType: response.headers.first(name: "Content-Type"),
            contentDisposition: response.headers.first(name: "Content-Disposition"))
    }

    /// The request with its auth headers; signed afresh for each attempt so that retries carry a current date
    /// and, with ECS agency credentials, a key that is not about to expire.
    func signedRequest(_ call: Call) async throws -> HTTPClientRequest {
        var signable = SignableRequest(
            method: call.method, host: endpoint.host, path: call.path, query: call.query,
            headers: call.headers, body: call.body)
        switch credentials {
        case .token(let token):
            signable.setHeader("X-Auth-Token", token)
            signable.setHeader("Host", endpoint.host)
        case .accessKey(let keys):
            Self.sign(&signable, with: keys, at: configuration.clock.now())
        case .metadata(let provider):
            Self.sign(&signable, with: try await provider.current(), at: configuration.clock.now())
        }
        let query = SDKSigner.canonicalQuery(call.query)
        var request = HTTPClientRequest(url: endpoint.url + call.path + (query.isEmpty ? "" : "?" + query))
        request.method = call.method == "POST" ? .POST : .GET
        for field in signable.headers {
            request.headers.add(name: field.name, value: field.value)
        }
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        if !call.body.isEmpty {
            request.body = .bytes(ByteBuffer(bytes: call.body))
        }
        return request
    }

    /// Adds the scope headers of `keys` and signs `request` with them.
    static func sign(_ request: inout SignableRequest, with keys: AccessKeyCredentials, at date: Date) {
        if let project = keys.projectID { request.setHeader("X-Project-Id", project) }
        if let domain = keys.domainID { request.setHeader("X-Domain-Id", domain) }
        if let token = keys.securityToken { request.setHeader("X-Security-Token", token) }
        SDKSigner(accessKey: keys.accessKey, secretKey: keys.secretKey).sign(&request, date: date)
    }

    private static func describe(_ error: any Error) -> String {
        if let diagnosis = connectionDiagnosis(error) { return diagnosis }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout: return "no answer within the timeout (--timeout)"
            // The connect timeout is never longer than --timeout.
            case .connectTimeout: return "could not connect within the timeout (--timeout)"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return "\(error)"
            }
        }
        return "\(error)"
    }
}
