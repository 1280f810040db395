import AsyncHTTPClient
import Foundation
import NIOCore

/// The ECS instance's temporary AK/SK from the metadata service, fetched again before they expire (SPEC 8.1).
///
/// The client asks ``current()`` before every request, so a run longer than one credential's life never sends an
/// expired key. Concurrent callers share one fetch. Every secret it learns (secret key, security token, session
/// token) is registered with its ``SecretRegistry`` before anything else sees it.
public actor MetadataCredentialProvider: Hashable, CustomStringConvertible {
    /// The metadata service of every ECS instance.
    public static let defaultEndpoint = "http://169.254.169.254"
    /// The variable that replaces ``defaultEndpoint`` (tests point it at the loopback mock).
    public static let endpointVariable = "HUAWEICLOUD_SDK_METADATA_ENDPOINT"
    /// A credential is fetched again when it expires in less than this.
    public static let refreshMargin: TimeInterval = 5 * 60
    /// The lifetime asked for the session token, as the SDKs ask (6 hours).
    static let sessionTokenSeconds = 21600
    /// The body of a 401 from an instance without an agency: no new session token helps then.
    static let noAgencyMessage = "Please configure Cloud Service Agency first"

    /// The service's base URL, without a trailing `/`.
    public nonisolated let endpoint: String
    private let now: @Sendable () -> Date
    private let timeout: Duration
    private let registry: SecretRegistry
    /// Every secret this provider has seen, for the client's own redaction.
    private let seen = SecretRegistry()
    private var projectID: String?
    private var domainID: String?
    private var cached: (keys: AccessKeyCredentials, expiresAt: Date)?
    private var sessionToken: String?
    private var fetching = false
    private var waiters: [CheckedContinuation<AccessKeyCredentials, any Error>] = []
    /// `HUAWEICLOUD_SDK_PROJECT_ID` when the project ID was given, nil when IAM must be asked.
    public nonisolated let givenProjectOrigin: String?
    /// How many credentials were fetched (for `--verbose`).
    public private(set) var fetches = 0

    /// A provider for the service at `endpoint` (`http://host[:port]`); secrets go into `registry` too.
    public init(
        endpoint: String = defaultEndpoint, projectID: String? = nil, domainID: String? = nil,
        registry: SecretRegistry = .shared, timeout: Duration = .seconds(3),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.projectID = projectID
        self.domainID = domainID
        self.givenProjectOrigin = projectID == nil ? nil : SMSCredentials.Variable.projectID
        self.registry = registry
        self.timeout = timeout
        self.now = now
    }

    /// `SMSREPORT_METADATA_TIMEOUT` (seconds, 1 to 60): a longer wait for each metadata request than the 3 s of
    /// SPEC 8.1, for a host too loaded to answer its own metadata calls in time (and for tests that serve the
    /// metadata calls from a busy test process).
    public static let timeoutVariable = "SMSREPORT_METADATA_TIMEOUT"

    /// The timeout from ``timeoutVariable`` when it holds a whole number of seconds from 1 to 60, else 3 s.
    public static func timeout(environment: [String: String]) -> Duration {
        guard let text = environment[timeoutVariable], let seconds = Int(text), (1...60).contains(seconds) else {
            return .seconds(3)
        }
        return .seconds(seconds)
    }

    /// The endpoint from `HUAWEICLOUD_SDK_METADATA_ENDPOINT`, else ``defaultEndpoint``.
    public static func endpoint(environment: [String: String]) -> String {
        environment[endpointVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultEndpoint
    }

    /// Sets the project ID sent with the temporary keys (found in IAM after the first fetch).
    public func scope(projectID: String?) {
        self.projectID = projectID
        if let cached { self.cached = (Self.scoped(cached.keys, projectID, domainID), cached.expiresAt) }
    }

    /// A credential that is valid for at least ``refreshMargin`` more: the cached one, or a fresh one.
    public func current() async throws -> AccessKeyCredentials {
        if let cached, cached.expiresAt.timeIntervalSince(now()) >= Self.refreshMargin { return cached.keys }
        if fetching {
            return try await withCheckedThrowingContinuation { waiters.append($0) }
        }
        fetching = true
        let result: Result<AccessKeyCredentials, any Error>
        do {
            let fetched = try await fetch()
            cached = (Self.scoped(fetched.keys, projectID, domainID), fetched.expiresAt)
            fetches += 1
            result = .success(cached!.keys)
        } catch {
            result = .failure(error)
        }
        fetching = false
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume(with: result) }
        return try result.get()
    }

    /// Every secret seen so far.
    public nonisolated var secrets: [String] { seen.redactor.secrets }

    public nonisolated var description: String { "ECS agency via the metadata service \(endpoint)" }

    public static func == (lhs: MetadataCredentialProvider, rhs: MetadataCredentialProvider) -> Bool { lhs === rhs }

    public nonisolated func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    private static func scoped(_ keys: AccessKeyCredentials, _ project: String?, _ domain: String?)
        -> AccessKeyCredentials
    {
        var keys = keys
        keys.projectID = project
        keys.domainID = domain
        return keys
    }

    private func register(_ secrets: [String]) {
        seen.register(secrets)
        registry.register(secrets)
    }

    /// The session-token flow: a token when the service gives one, the security key with it, and one new token
    /// after a 401 unless the instance has no agency.
    private func fetch() async throws -> (keys: AccessKeyCredentials, expiresAt: Date) {
        if sessionToken == nil { sessionToken = try await newSessionToken(required: false) }
        var answer = try await send("GET", "/openstack/latest/securitykey", headers: sessionHeaders)
        if answer.status == 401 && !answer.text.contains(Self.noAgencyMessage) {
            sessionToken = try await newSessionToken(required: true)
            answer = try await send("GET", "/openstack/latest/securitykey", headers: sessionHeaders)
        }
        if answer.status == 401 && answer.text.contains(Self.noAgencyMessage) {
            throw MetadataServiceError(endpoint: endpoint, reason: "this instance has no agency (HTTP 401)")
        }
        guard answer.status == 200 else {
            throw MetadataServiceError(
                endpoint: endpoint, reason: "the security key request was answered HTTP \(answer.status)")
        }
        do {
            let credential = try SecurityKeyAnswer.decode(answer.body)
            register([credential.secret, credential.securityToken])
            let keys = AccessKeyCredentials(
                accessKey: try SMSCredentials.checked(credential.access, source: "the metadata service's access"),
                secretKey: try SMSCredentials.checked(credential.secret, source: "the metadata service's secret"),
                securityToken: try SMSCredentials.checked(
                    credential.securityToken, source: "the metadata service's securitytoken"))
            return (keys, credential.expiresAt)
        } catch let error as SMSAPIError {
            throw MetadataServiceError(endpoint: endpoint, reason: error.errorMessage)
        } catch {
            throw MetadataServiceError(endpoint: endpoint, reason: "\(error)")
        }
    }

    private var sessionHeaders: [(String, String)] { sessionToken.map { [("X-Metadata-Token", $0)] } ?? [] }

    /// `PUT /meta-data/latest/api/token`: the body of a 200; nil after 404, 405 or 503 unless `required`.
    private func newSessionToken(required: Bool) async throws -> String? {
        let answer = try await send(
            "PUT", "/meta-data/latest/api/token",
            headers: [("X-Metadata-Token-Ttl-Seconds", String(Self.sessionTokenSeconds))])
        if answer.status == 200 {
            let token = answer.text.trimmingCharacters(in: .whitespacesAndNewlines)
            register([token])
            return token.isEmpty ? nil : token
        }
        if !required && [404, 405, 503].contains(answer.status) { return nil }
        throw MetadataServiceError(
            endpoint: endpoint, reason: "the session token request was answered HTTP \(answer.status)")
    }

    /// One request with the 3-second timeout; no answer is a ``MetadataServiceError``.
    private func send(_ method: String, _ path: String, headers: [(String, String)]) async throws -> (
        status: Int, body: [UInt8], text: String
    ) {
        var request = HTTPClientRequest(url: endpoint + path)
        request.method = method == "PUT" ? .PUT : .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        do {
            // The shared client never goes through a proxy: the service is link-local.
            let response = try await HTTPClient.shared.execute(request, timeout: .init(timeout))
            let body = Array(buffer: try await response.body.collect(upTo: 64 << 10))
            return (Int(response.status.code), body, String(decoding: body, as: UTF8.self))
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw MetadataServiceError(endpoint: endpoint, reason: "no answer within \(timeout.components.seconds) s")
        } catch {
            throw MetadataServiceError(endpoint: endpoint, reason: "unreachable (\(error))")
        }
    }
}
