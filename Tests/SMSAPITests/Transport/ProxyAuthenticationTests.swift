import Foundation
import SMSAPI
import TestSupport
import Testing

/// A proxy that answers 407 stops the call at once (SPEC 8.2 "Proxy 407"): no retry, the proxy named with its
/// password hidden, and the shape of the URL it wants.
@Suite(.timeLimit(.minutes(1))) struct ProxyAuthenticationTests {
    static let answer =
        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
        + "Connection: close\r\nContent-Length: 0\r\n\r\n"
    static let password = "pr0xy-s3cret-91ad"

    /// The error of one call to `endpoint` through a loopback "proxy" that answers 407, with the proxy.
    static func failure(endpoint: String) async throws -> (SMSAPIError, HostileServer, SMSProxy) {
        let proxyServer = try await HostileServer(always: .raw(answer))
        let port = try #require(URL(string: proxyServer.url)?.port)
        let proxy = try SMSProxy(url: "http://ops:\(password)@127.0.0.1:\(port)", source: "--proxy")
        let clock = TestClock()
        var configuration = SMSClientConfiguration(
            readTimeout: .seconds(5), retry: RetryPolicy(maxRetries: 5), clock: clock.clock)
        configuration.proxy = proxy
        let error = try await SMSClient.withClient(
            endpoint: try SMSEndpoint(url: endpoint), credentials: .token("tok-secret"),
            configuration: configuration, logger: LogCapture().logger()
        ) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(clock.sleeps.isEmpty, "no retry was waited for")
        return (error, proxyServer, proxy)
    }

    @Test(arguments: ["https://127.0.0.1:9", "http://127.0.0.1:9"])
    func a407StopsAtOnceNamingTheProxyWithoutItsPassword(endpoint: String) async throws {
        let (error, server, proxy) = try await Self.failure(endpoint: endpoint)
        defer { Task { await server.shutdown() } }
        #expect(error.isProxyAuthenticationRequired, "\(error)")
        #expect(!error.isTransport && !error.isEndpointDown)
        #expect(server.connections == 1)
        #expect(error.description.contains(proxy.description))
        #expect(error.description.contains("http://user:password@host:port"))
        #expect(!error.description.contains(Self.password))
        #expect(!RetryPolicy().isRetryable(error))
    }
}
