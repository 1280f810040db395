import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// Timeouts, limits, retries, rate and the injectable clock of an `SMSClient`.
public struct SMSClientConfiguration: Sendable {
    /// How long opening a connection may take (applied through `httpClientConfiguration`).
    public var connectTimeout: Duration
    /// The deadline of one attempt, from connecting to the last byte of the answer (`--timeout`).
    public var readTimeout: Duration
    /// When the whole run must end (`--deadline`), on `clock`; nil = no bound. Calls after it are not made, an
    /// attempt in flight is cut at it, and no retry waits past it.
    public var runDeadline: Date?
    /// How many requests in a row without an HTTP answer open the circuit breaker (the endpoint is down).
    public var breakerThreshold: Int
    /// The most bytes a JSON answer (results, task lists, errors) may have.
    public var maxResponseBytes: Int
    /// The most bytes an exported file may have.
    public var maxExportBytes: Int
    public var retry: RetryPolicy
    /// Requests per second across all calls of this client (`--rate`); nil = unlimited. The adaptive rate stays
    /// below it.
    public var requestsPerSecond: Double?
    /// Lowering the request rate on 429s and raising it as answers succeed; nil = a fixed rate only.
    public var adaptiveRate: AdaptiveRatePolicy? = AdaptiveRatePolicy()
    /// The most connections to the endpoint, the run's `--concurrency`: one per request in flight, so that no
    /// request waits for a connection and no connection is opened that no request can use.
    public var maxConnections: Int = 8
    /// Verify TLS certificates; turning it off is `--insecure`.
    public var tlsVerification: Bool
    public var userAgent: String
    /// The HTTP proxy to reach the endpoint through (`--proxy` or the environment); nil = connect directly.
    public var proxy: SMSProxy?
    /// PEM files of extra trusted root certificates (`--ca-file`, `SSL_CERT_FILE`), added to the system's.
    public var additionalTrustRoots: [String] = []
    /// Wall clock, sleeping and randomness; tests replace them so that retries do not sleep.
    public var clock: SMSClock

    public init(
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60),
        maxResponseBytes: Int = 4 << 20, maxExportBytes: Int = 256 << 20, retry: RetryPolicy = RetryPolicy(),
        requestsPerSecond: Double? = nil, tlsVerification: Bool = true, userAgent: String = "smsreport",
        clock: SMSClock = .live, runDeadline: Date? = nil, breakerThreshold: Int = 10
    ) {
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.runDeadline = runDeadline
        self.breakerThreshold = breakerThreshold
        self.maxResponseBytes = maxResponseBytes
        self.maxExportBytes = maxExportBytes
        self.retry = retry
        self.requestsPerSecond = requestsPerSecond
        self.tlsVerification = tlsVerification
        self.userAgent = userAgent
        self.clock = clock
    }

    /// The secrets of this configuration (the proxy's password and its `Proxy-Authorization` value), to be
    /// kept out of every message like the credentials.
    public var secrets: [String] {
        guard let proxy, let username = proxy.username else { return [] }
        return proxy.secrets + [Data("\(username):\(proxy.password ?? "")".utf8).base64EncodedString()]
    }

    /// The `HTTPClient` settings that belong to this configuration: timeouts, TLS verification and roots, proxy.
    public var httpClientConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        // A redirect would carry a signature made for another request to another host.
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .init(min(connectTimeout, readTimeout)), read: .init(readTimeout))
        // Our retry policy owns retrying; AsyncHTTPClient's own reconnect loop would hide a DNS failure until the
        // timeout and retry it behind the policy's back.
        configuration.connectionPool.retryConnectionEstablishment = false
        // As many connections as requests in flight (--concurrency): a request queued for a connection would
        // spend its attempt deadline waiting, and more connections than requests would only sit idle.
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, maxConnections)
        // HTTP/1 only, so that every answer passes the guard against statuses below 100 (docs/known-issues.md).
        configuration.httpVersion = .http1Only
        configuration.http1_1ConnectionDebugInitializer = { ResponseHeadGuard.install(on: $0) }
        if !tlsVerification {
            configuration.tlsConfiguration = .clientDefault
            configuration.tlsConfiguration?.certificateVerification = .none
        } else if !additionalTrustRoots.isEmpty {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.additionalTrustRoots = additionalTrustRoots.map { .file($0) }
            configuration.tlsConfiguration = tls
        }
        if let proxy {
            let authorization = proxy.username.map {
                HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
            }
            configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        configuration.decompression = .enabled(limit: .size(max(maxResponseBytes, maxExportBytes)))
        return configuration
    }
}

/// The wall clock, sleep and random source the client uses.
public struct SMSClock: Sendable {
    public var now: @Sendable () -> Date
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A value in `0..<1`.
    public var random: @Sendable () -> Double

    public init(
        now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void,
        random: @escaping @Sendable () -> Double
    ) {
        self.now = now
        self.sleep = sleep
        self.random = random
    }

    /// The real clock, `Task.sleep` and the system random source.
    public static let live = SMSClock(
        now: { Date() }, sleep: { try await Task.sleep(for: $0) }, random: { Double.random(in: 0..<1) })
}
