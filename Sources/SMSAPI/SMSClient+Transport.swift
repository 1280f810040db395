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

    /// Sends `call` until it succeeds, fails for good, or the retries run out.
    func perform(_ call: Call) async throws -> Answer {
        var attempt = 1
        while true {
            try Task.checkCancellation()
            if let limiter { try await limiter.acquire() }
            var metadata: Logger.Metadata = ["sms.call": "\(call.name)", "sms.attempt": "\(attempt)"]
            if let task = call.task { metadata["sms.task_id"] = "\(task)" }
            logger.debug("SMS request", metadata: metadata)
            let failure: SMSAPIError
            do {
                return try await send(call)
            } catch let error as SMSAPIError {
                failure = error.about(task: call.task).redacting(credentials.secrets)
            }
            let clock = configuration.clock
            switch configuration.retry.decision(
                after: failure, attempt: attempt, now: clock.now(), random: clock.random())
            {
            case .giveUp:
                logger.debug("SMS request failed", metadata: metadata.merging(Self.metadata(failure)) { $1 })
                throw failure
            case .retry(let wait):
                metadata["retry.delay_ms"] = "\(Int64(wait.seconds * 1000))"
                // Debug, not warning: a throttled run retries often and recovers; cron logs stay quiet.
                logger.debug(
                    "SMS request failed, retrying", metadata: metadata.merging(Self.metadata(failure)) { $1 })
                try await clock.sleep(wait)
                attempt += 1
            }
        }
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
    private func send(_ call: Call) async throws -> Answer {
        let request = signedRequest(call)
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, timeout: .init(configuration.readTimeout))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SMSAPIError.transport("\(call.method) \(endpoint.host): \(Self.describe(error))")
                .redacting(credentials.secrets + configuration.secrets)
        }
        let status = Int(response.status.code)
        let requestID = response.headers.first(name: "X-Request-Id")
        let body: [UInt8]
        do {
            body = Array(buffer: try await response.body.collect(upTo: call.maxBytes))
        } catch is NIOTooManyBytesError {
            throw SMSAPIError.tooLarge(limit: call.maxBytes, status: status, requestID: requestID)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SMSAPIError.transport("reading the answer from \(endpoint.host): \(Self.describe(error))")
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

    /// The request with its auth headers; signed afresh for each attempt so that retries carry a current date.
    func signedRequest(_ call: Call) -> HTTPClientRequest {
        var signable = SignableRequest(
            method: call.method, host: endpoint.host, path: call.path, query: call.query,
            headers: call.headers, body: call.body)
        switch credentials {
        case .token(let token):
            signable.setHeader("X-Auth-Token", token)
            signable.setHeader("Host", endpoint.host)
        case .accessKey(let keys):
            if let project = keys.projectID { signable.setHeader("X-Project-Id", project) }
            if let domain = keys.domainID { signable.setHeader("X-Domain-Id", domain) }
            if let token = keys.securityToken { signable.setHeader("X-Security-Token", token) }
            SDKSigner(accessKey: keys.accessKey, secretKey: keys.secretKey)
                .sign(&signable, date: configuration.clock.now())
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

    private static func describe(_ error: any Error) -> String {
        if let diagnosis = connectionDiagnosis(error) { return diagnosis }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout: return "no answer within the read timeout"
            case .connectTimeout: return "the connection timed out"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return "\(error)"
            }
        }
        return "\(error)"
    }
}
