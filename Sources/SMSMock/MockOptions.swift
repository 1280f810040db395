import Foundation

/// The credentials the mock accepts and the faults it injects.
public struct MockOptions: Sendable {
    /// Accepted `X-Auth-Token`; nil accepts no token.
    public var token: String?
    /// Accepted access key of signed requests; nil accepts no signature.
    public var accessKey: String?
    public var secretKey: String?
    /// How far `X-Sdk-Date` may be from the mock's clock.
    public var maximumClockSkew: Duration
    public var faults: MockFaults
    /// The mock's wall clock, for the date check.
    public var now: @Sendable () -> Date
    /// The metadata service the mock plays (SPEC 8.1); nil answers its calls 404.
    public var metadata: MockMetadata?
    /// IAM's projects by name (a region ID) → project ID, for `GET /v3/projects?name=`.
    public var projects: [String: String] = [:]
    /// The `X-Project-Id` every signed SMS request must carry, when set (401 otherwise).
    public var requiredProjectID: String?

    public init(
        token: String? = nil, accessKey: String? = nil, secretKey: String? = nil,
        maximumClockSkew: Duration = .seconds(15 * 60), faults: MockFaults = MockFaults(),
        now: @escaping @Sendable () -> Date = { Date() }, metadata: MockMetadata? = nil
    ) {
        self.metadata = metadata
        self.token = token
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.maximumClockSkew = maximumClockSkew
        self.faults = faults
        self.now = now
    }
}

/// Misbehaviour on request: slowness, throttling, server errors, missing tasks and odd bodies.
public struct MockFaults: Sendable, Hashable {
    /// Added to every answer.
    public var latency: Duration
    /// Every Nth authenticated request is answered 429 `APIG.0308`; nil never.
    public var throttleEveryNth: Int?
    /// The `Retry-After` value of those 429s (seconds or an HTTP date); nil sends none.
    public var retryAfter: String?
    /// A server-side limit in requests per second (``MockTokenBucket``): authenticated requests beyond it are
    /// answered 429 `APIG.0308` with a `Retry-After` of the seconds until the next token; nil = none.
    public var rateLimit: Double?
    /// The bucket's size; nil = one second's worth of `rateLimit`.
    public var rateLimitBurst: Double?
    /// The share of authenticated requests answered 500, 502 or 503, drawn from `serverErrorSeed`.
    public var serverErrorRate: Double
    public var serverErrorSeed: UInt64
    /// Tasks answered 404 `SMS.6105`.
    public var notFoundTaskIDs: Set<String>
    /// Tasks answered 200 with a body that is not JSON.
    public var malformedTaskIDs: Set<String>
    /// Send `finished_time` as a numeric string.
    public var finishedTimeAsString: Bool
    /// Send `finished_time` in seconds instead of milliseconds.
    public var finishedTimeInSeconds: Bool
    public var responseShape: MockResponseShape
    /// `X-Language` values the export accepts; others answer 400 (e.g. leave out `zh-cn`).
    public var exportAcceptedLanguages: Set<String>
    /// Answer exports with a bare `{}` (as the API page's example shows) instead of a file.
    public var exportAcknowledgementOnly: Bool
    /// Answer every authenticated request 403 `SMS.9004`, as for an account without the IAM permission.
    public var permissionDenied: Bool
    /// Tasks answered 403 `SMS.9004` (a permission that covers only some resources).
    public var forbiddenTaskIDs: Set<String>

    public init(
        latency: Duration = .zero, throttleEveryNth: Int? = nil, retryAfter: String? = "1",
        rateLimit: Double? = nil, rateLimitBurst: Double? = nil, serverErrorRate: Double = 0,
        serverErrorSeed: UInt64 = 0, notFoundTaskIDs: Set<String> = [],
        malformedTaskIDs: Set<String> = [], finishedTimeAsString: Bool = false, finishedTimeInSeconds: Bool = false,
        responseShape: MockResponseShape = .a, exportAcceptedLanguages: Set<String> = ["en-us", "zh-cn"],
        exportAcknowledgementOnly: Bool = false, permissionDenied: Bool = false, forbiddenTaskIDs: Set<String> = []
    ) {
        self.latency = latency
        self.throttleEveryNth = throttleEveryNth
        self.retryAfter = retryAfter
        self.rateLimit = rateLimit
        self.rateLimitBurst = rateLimitBurst
        self.serverErrorRate = serverErrorRate
        self.serverErrorSeed = serverErrorSeed
        self.notFoundTaskIDs = notFoundTaskIDs
        self.malformedTaskIDs = malformedTaskIDs
        self.finishedTimeAsString = finishedTimeAsString
        self.finishedTimeInSeconds = finishedTimeInSeconds
        self.responseShape = responseShape
        self.exportAcceptedLanguages = exportAcceptedLanguages
        self.exportAcknowledgementOnly = exportAcknowledgementOnly
        self.permissionDenied = permissionDenied
        self.forbiddenTaskIDs = forbiddenTaskIDs
    }
}

/// Which documented body shape `GET /v3/tasks/{id}/consistency-result` answers with (SPEC 1).
public enum MockResponseShape: String, Sendable, Hashable, CaseIterable {
    /// `{"consistency_result":[…],"finished_time":…}`.
    case a
    /// `{"task_id":…,"result_list":[{"finished_time":…,"check_result":…,"consistency_result":[…]}]}`.
    case b
    /// `{"task_id":…,"result_list":["<JSON text of a (b) element>"]}`, as the current Python SDK models it.
    case c
    /// a, b or c chosen per task id.
    case rotating
}
