import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP request with a per-attempt timeout and retries on 429, 5xx and no answer; a platform error in a 200
/// body (`errcode` or `code` not 0) is a failure without a retry.
///
/// Failures are described without the URL (webhook and ping URLs carry tokens), by status or by what went wrong.
public struct HTTPDelivery: Sendable {
    /// How long one attempt may take, answer included.
    public var timeout: Duration
    /// Attempts in all (1 + retries).
    public var attempts: Int
    /// The pause before a retry, doubled each time.
    public var retryDelay: Duration

    /// A delivery policy.
    public init(timeout: Duration, attempts: Int, retryDelay: Duration) {
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.retryDelay = retryDelay
    }

    /// Notifications (SPEC 8.3): 10 s, up to 2 retries.
    public static let notifications = HTTPDelivery(timeout: .seconds(10), attempts: 3, retryDelay: .seconds(1))
    /// Pings (SPEC 8.4): 5 s, 2 tries.
    public static let pings = HTTPDelivery(timeout: .seconds(5), attempts: 2, retryDelay: .milliseconds(500))

    /// The most of an answer's body that is read (for the platform's error code).
    static let maximumAnswerBytes = 64 * 1024

    /// Sends `body` (or nothing) with `method` to `url`; nil when it was delivered, else why not (no URL in it).
    public func send(
        _ method: HTTPMethod, to url: String, body: Data? = nil, contentType: String? = nil, client: HTTPClient
    ) async -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            parsed.host != nil
        else {
            return "the URL is not an http(s) URL"
        }
        var failure = "not sent"
        for attempt in 1...attempts {
            if attempt > 1 {
                let pause = retryDelay * (1 << (attempt - 2))
                do { try await Task.sleep(for: pause) } catch { return "cancelled" }
            }
            let outcome = await once(method, url: url, body: body, contentType: contentType, client: client)
            switch outcome {
            case .delivered: return nil
            case .failed(let reason): return reason
            case .retryable(let reason): failure = reason
            }
        }
        return attempts > 1 ? "\(failure) (\(attempts) attempts)" : failure
    }

    private enum Outcome {
        case delivered
        case failed(String)
        case retryable(String)
    }

    private func once(_ method: HTTPMethod, url: String, body: Data?, contentType: String?, client: HTTPClient) async
        -> Outcome
    {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        request.headers.add(name: "User-Agent", value: "smsreport")
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let seconds = Int64(timeout.components.seconds)
        let milliseconds = seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        let deadline = NIODeadline.now() + .milliseconds(milliseconds)
        do {
            let response = try await client.execute(request, deadline: deadline)
            let status = Int(response.status.code)
            let answer = (try? await response.body.collect(upTo: Self.maximumAnswerBytes)).map {
                Data($0.readableBytesView)
            }
            if status == 429 || (500...599).contains(status) { return .retryable("HTTP \(status)") }
            guard (200...299).contains(status) else { return .failed("HTTP \(status)") }
            if let answer, let code = Self.platformErrorCode(answer) {
                return .failed("HTTP \(status) with error code \(code)")
            }
            return .delivered
        } catch is CancellationError {
            return .failed("cancelled")
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout
        {
            return .retryable("no answer within \(seconds) s")
        } catch {
            return .retryable("no answer (connection failed)")
        }
    }

    /// The platform's error code in a JSON answer: `errcode` (WeCom, DingTalk) or `code` (Feishu) when not 0.
    static func platformErrorCode(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        for key in ["errcode", "code"] {
            guard let value = object[key] else { continue }
            if let number = value as? NSNumber, number.intValue != 0 { return "\(key) \(number.intValue)" }
            if let text = value as? String, text != "0", !text.isEmpty {
                return "\(key) \(String(text.prefix(40)))"
            }
        }
        return nil
    }

    /// Runs `body` with an HTTP client made for it and shut down afterwards: connecting may take at most
    /// `timeout` (the per-attempt deadline alone does not bound a connect to a host that drops packets), a refused
    /// connection fails the attempt at once, and no redirects are followed (a webhook that redirects is
    /// misconfigured, and a redirect could carry the token elsewhere).
    public static func withClient<T: Sendable>(timeout: Duration, _ body: (HTTPClient) async -> T) async -> T {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        configuration.timeout = .init(connect: .milliseconds(milliseconds), read: .milliseconds(milliseconds))
        // `send` owns retrying: AsyncHTTPClient's own reconnect loop would keep a refused connection waiting out
        // the whole attempt timeout, so a receiver that is down cost 3 × 10 s a night instead of 3 s.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let result = await body(client)
        try? await client.shutdown()
        return result
    }
}
