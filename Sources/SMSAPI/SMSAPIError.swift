import Crypto
import Foundation

/// Why an SMS API call failed: an HTTP error answer, an unreadable answer, no answer, or bad local input.
public struct SMSAPIError: Error, CustomStringConvertible, Sendable, Hashable {
    private enum Kind: Sendable, Hashable {
        case http
        case unrecognizedResponse
        case transport
        case responseTooLarge
        case missingCredentials
        case invalidCredentials
        case invalidEndpoint
        case invalidRequest
        case deadlineReached
        case endpointDown
        case unknownHost
        case malformedResponse
        case proxyAuthenticationRequired
    }

    private var kind: Kind
    /// The HTTP status of the answer; nil when there was none.
    public var httpStatus: Int?
    /// The SMS or API gateway code, e.g. `SMS.9004` or `APIG.0308`.
    public var errorCode: String?
    public var errorMessage: String
    /// `X-Request-Id` of the answer (or `request_id` of its body), for a support ticket.
    public var requestID: String?
    /// Kept for unrecognized 200 responses: the first ``rawBodyLimit`` bytes (UTF-8, invalid bytes replaced);
    /// never contains secrets.
    public var rawBody: String?
    /// The whole body's size in bytes, when `rawBody` was kept (it may be a prefix).
    public var rawBodyByteCount: Int?
    /// The whole body's SHA-256 (lowercase hex), when `rawBody` was kept.
    public var rawBodySHA256: String?
    /// The task the call was about, when it was about one.
    public var taskID: String?
    /// The `details` of a 403 body, when present.
    public var details: [SMSErrorBody.Detail]
    /// Seconds or an HTTP date from `Retry-After`, as received.
    public var retryAfter: String?

    private init(
        kind: Kind, httpStatus: Int? = nil, errorCode: String? = nil, errorMessage: String, requestID: String? = nil,
        rawBody: String? = nil, taskID: String? = nil, details: [SMSErrorBody.Detail] = [], retryAfter: String? = nil
    ) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.requestID = requestID
        self.rawBody = rawBody
        self.taskID = taskID
        self.details = details
        self.retryAfter = retryAfter
    }

    /// The server answered 200 with a body none of the documented shapes fit.
    public var isUnrecognizedResponse: Bool { kind == .unrecognizedResponse }
    /// No answer: connection refused or reset, timeout, TLS failure.
    public var isTransport: Bool { kind == .transport }
    /// HTTP 401: the credentials were rejected.
    public var isAuthenticationRejected: Bool { kind == .http && httpStatus == 401 }
    /// HTTP 403: the account lacks the permission.
    public var isPermissionDenied: Bool { kind == .http && httpStatus == 403 }
    /// HTTP 404: the task does not exist (or is not visible to this account).
    public var isNotFound: Bool { kind == .http && httpStatus == 404 }
    /// The answer exceeded the configured size limit.
    public var isResponseTooLarge: Bool { kind == .responseTooLarge }
    /// The run's `--deadline` passed before this call could be answered.
    public var isDeadlineReached: Bool { kind == .deadlineReached }
    /// The circuit breaker is open: too many requests in a row got no HTTP answer.
    public var isEndpointDown: Bool { kind == .endpointDown }
    /// The endpoint's host name does not resolve.
    public var isUnknownHost: Bool { kind == .unknownHost }
    /// An answer came but could not be read as HTTP (a bad status line, a flood of headers, a broken chunk): the
    /// task's error, never a sign that the endpoint is down (SPEC 8.2).
    public var isMalformedResponse: Bool { kind == .malformedResponse }
    /// The proxy answered 407: it wants credentials. The run stops at once (SPEC 8.2 "Proxy 407").
    public var isProxyAuthenticationRequired: Bool { kind == .proxyAuthenticationRequired }
    /// A problem with local input (credentials, endpoint, request) found before any call.
    public var isLocalInput: Bool {
        [.missingCredentials, .invalidCredentials, .invalidEndpoint, .invalidRequest].contains(kind)
    }

    /// An error status with its decoded body (or none).
    static func http(
        status: Int, body: SMSErrorBody?, requestID: String?, retryAfter: String?, rawText: String?
    ) -> SMSAPIError {
        let message =
            body?.message
            ?? (rawText.map { "no SMS error body: \($0.prefix(200))" } ?? "no SMS error body")
        return SMSAPIError(
            kind: .http, httpStatus: status, errorCode: body?.code, errorMessage: message,
            requestID: requestID ?? body?.requestID, details: body?.details ?? [], retryAfter: retryAfter)
    }

    /// The most bytes of an unreadable body kept (SPEC 2 step 4, "What is kept is bounded").
    public static let rawBodyLimit = 64 << 10

    /// A 200 whose body could not be read; `rawBody` keeps its first 64 KiB, with the size and digest of all of it.
    static func unrecognized(reason: String, status: Int, rawBody: [UInt8], requestID: String?) -> SMSAPIError {
        var error = SMSAPIError(
            kind: .unrecognizedResponse, httpStatus: status, errorMessage: "unrecognized response: \(reason)",
            requestID: requestID, rawBody: String(decoding: rawBody.prefix(rawBodyLimit), as: UTF8.self))
        error.rawBodyByteCount = rawBody.count
        error.rawBodySHA256 = SDKSigner.hex(Array(SHA256.hash(data: rawBody)))
        return error
    }

    /// No answer from the server.
    static func transport(_ message: String) -> SMSAPIError {
        SMSAPIError(kind: .transport, errorMessage: message)
    }

    /// The run's deadline passed: the call was not made, or was cancelled, or its retry would end past it.
    static func deadlineReached() -> SMSAPIError {
        SMSAPIError(kind: .deadlineReached, errorMessage: "not fetched: run deadline reached")
    }

    /// An answer that is not readable HTTP; `message` says what was wrong with it.
    static func malformed(_ message: String) -> SMSAPIError {
        SMSAPIError(kind: .malformedResponse, errorMessage: message)
    }

    /// The proxy answered 407; names the proxy by its redacted description (never the password).
    static func proxyAuthenticationRequired(_ proxy: SMSProxy) -> SMSAPIError {
        SMSAPIError(
            kind: .proxyAuthenticationRequired, httpStatus: 407,
            errorMessage: "the proxy \(proxy) answered HTTP 407 (proxy authentication required): it wants credentials; "
                + "give them as http://user:password@host:port in --proxy or HTTPS_PROXY / HTTP_PROXY")
    }

    /// The circuit breaker opened after `count` requests in a row without an HTTP answer; `last` is the latest.
    static func endpointDown(count: Int, host: String, last: String) -> SMSAPIError {
        SMSAPIError(
            kind: .endpointDown,
            errorMessage: "endpoint down: \(count) requests in a row to \(host) got no HTTP answer (last: \(last))")
    }

    /// The host name did not resolve (DNS); never retried.
    static func unknownHost(_ host: String, detail: String) -> SMSAPIError {
        SMSAPIError(
            kind: .unknownHost,
            errorMessage: "unknown host \(host): the name does not resolve (\(detail)) — check --endpoint or --region"
        )
    }

    /// The answer was bigger than allowed.
    static func tooLarge(limit: Int, status: Int, requestID: String?) -> SMSAPIError {
        SMSAPIError(
            kind: .responseTooLarge, httpStatus: status,
            errorMessage: "the response exceeds the limit of \(limit) bytes", requestID: requestID)
    }

    /// No usable credentials; the message names what to set.
    static func missingCredentials(_ message: String) -> SMSAPIError {
        SMSAPIError(kind: .missingCredentials, errorMessage: message)
    }

    /// A credential that cannot be used (whitespace, a control character, a second line); never holds the value.
    static func invalidCredentials(_ message: String) -> SMSAPIError {
        SMSAPIError(kind: .invalidCredentials, errorMessage: message)
    }

    /// An endpoint URL that cannot be used.
    static func invalidEndpoint(_ url: String, reason: String) -> SMSAPIError {
        SMSAPIError(kind: .invalidEndpoint, errorMessage: "invalid endpoint \"\(url)\": \(reason)")
    }

    /// A request the API would refuse, caught before sending.
    static func invalidRequest(_ message: String) -> SMSAPIError {
        SMSAPIError(kind: .invalidRequest, errorMessage: message)
    }

    /// A copy that names the task the call was about.
    func about(task: String?) -> SMSAPIError {
        var copy = self
        copy.taskID = task
        return copy
    }

    /// A copy with every form of every secret (these and the registered ones) replaced by `***`.
    func redacting(_ secrets: [String]) -> SMSAPIError {
        let redactor = SecretRedactor(secrets: secrets + SecretRegistry.shared.redactor.secrets)
        guard !redactor.isEmpty else { return self }
        func clean(_ text: String) -> String { redactor.redact(text) }
        var copy = self
        copy.errorMessage = clean(errorMessage)
        copy.rawBody = rawBody.map(clean)
        copy.errorCode = errorCode.map(clean)
        copy.requestID = requestID.map(clean)
        copy.details = details.map { SMSErrorBody.Detail(code: $0.code.map(clean), message: $0.message.map(clean)) }
        return copy
    }

    public var description: String {
        var head: String
        switch kind {
        case .http:
            let status = httpStatus.map { "HTTP \($0)" } ?? "HTTP error"
            head = errorCode.map { "\($0) (\(status))" } ?? status
        case .unrecognizedResponse:
            head = "Unrecognized response" + (httpStatus.map { " (HTTP \($0))" } ?? "")
        case .transport, .endpointDown, .unknownHost:
            head = "Cannot reach the SMS API"
        case .malformedResponse:
            head = "Unreadable answer from the SMS API"
        case .proxyAuthenticationRequired:
            return errorMessage
        case .deadlineReached:
            return errorMessage + (taskID.map { " (task \($0))" } ?? "")
        case .responseTooLarge:
            head = "Response too large" + (httpStatus.map { " (HTTP \($0))" } ?? "")
        case .missingCredentials:
            return "Missing credentials: \(errorMessage)"
        case .invalidCredentials:
            return "Invalid credentials: \(errorMessage)"
        case .invalidEndpoint, .invalidRequest:
            return errorMessage
        }
        if let taskID { head += " for task \(taskID)" }
        var text = "\(head): \(errorMessage)"
        let extra = details.compactMap(\.message).filter { !$0.isEmpty && $0 != errorMessage }
        if !extra.isEmpty { text += " (\(extra.joined(separator: "; ")))" }
        if let hint { text += " — \(hint)" }
        if let requestID { text += " [request \(requestID)]" }
        return text
    }

    private var hint: String? {
        guard kind == .http else { return nil }
        switch httpStatus {
        case 401:
            return "credentials rejected: check the token or AK/SK, the endpoint's region, and the clock "
                + "(signatures older than 15 minutes are refused)"
        case 403:
            return "the account lacks this permission: check the IAM policies granting SMS access"
        case 429:
            return "throttled by the API gateway: lower --rate or --concurrency"
        default:
            return nil
        }
    }
}
