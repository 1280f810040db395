import Foundation
import SMSAPI
import TestSupport
import Testing

// A time limit, so that a client that hangs fails the test instead of hanging the suite.
/// The client against a server that misbehaves on purpose: nothing it sends may crash or hang the client.
@Suite(.timeLimit(.minutes(1))) struct HostileAnswerTests {
    static let throttled =
        "HTTP/1.1 429 Too Many\r\nConnection: close\r\nRetry-After: 999999\r\nContent-Length: 0\r\n\r\n"

    private func withClient<T>(
        _ server: HostileServer, _ configuration: SMSClientConfiguration,
        _ body: (SMSClient) async throws -> T
    ) async throws -> T {
        defer { Task { await server.shutdown() } }
        return try await SMSClient.withClient(
            endpoint: try SMSEndpoint(url: server.url), credentials: .token("tok-secret"),
            configuration: configuration, logger: LogCapture().logger()
        ) { client in try await body(client) }
    }

    @Test(arguments: [
        "HTTP/1.1 000 Zero\r\nContent-Length: 2\r\n\r\n{}",
        "HTTP/1.1 000 Zero\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 099 Odd\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
        "HTTP/1.1 000 Zero\r\nConnection: close\r\n\r\nbody until close",
    ])
    func statusBelow100IsAMalformedAnswerNotACrash(answer: String) async throws {
        let server = try await HostileServer(always: .raw(answer))
        let clock = TestClock()
        let error = try await withClient(server, .init(retry: RetryPolicy(maxRetries: 1), clock: clock.clock)) {
            client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(error.isMalformedResponse && !error.isTransport)
        #expect(error.description.contains("invalid HTTP status"))
        // Retried like any answer that is not HTTP: two attempts, two connections.
        #expect(clock.sleeps.count == 1)
        #expect(server.connections == 2)
    }

    @Test(arguments: [
        "SSH-2.0-OpenSSH_9.6\r\n",
        "HTTP/1.1 101 Switching Protocols\r\nContent-Length: 2\r\n\r\n{}",
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n",
        "HTTP/1.1 100 Continue\r\n\r\n",
        "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 000 Zero\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 999 Odd\r\nContent-Length: 2\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope",
        "HTTP/1.1 200 OK\r\nX Bad(Header): 1\r\nContent-Length: 2\r\n\r\n{}",
    ])
    func oddAnswersFailTheCallWithoutCrashing(answer: String) async throws {
        let server = try await HostileServer(always: .raw(answer))
        let configuration = SMSClientConfiguration(
            readTimeout: .seconds(2), retry: RetryPolicy(maxRetries: 0), clock: TestClock().clock)
        let failure: (any Error)? = try await withClient(server, configuration) { client in
            do {
                _ = try await client.consistencyResult(taskID: "t-1")
                return nil
            } catch {
                return error
            }
        }
        // Reaching this line is the point: none of these may abort the process. A 999 is just an error status.
        let error = try #require(failure, "\(answer.debugDescription) was taken as a result")
        #expect(error is SMSAPIError, "\(error)")
    }

    @Test func aBodyThatDripsFailsAtTheAttemptDeadlineAndIsRetried() async throws {
        let server = try await HostileServer(
            always: .drip(
                head: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{",
                byte: UInt8(ascii: " "), interval: .milliseconds(200)))
        let clock = TestClock()
        let configuration = SMSClientConfiguration(
            readTimeout: .seconds(1), retry: RetryPolicy(maxRetries: 1), clock: clock.clock)
        let start = ContinuousClock.now
        let error = try await withClient(server, configuration) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        let elapsed = ContinuousClock.now - start
        #expect(error.isTransport)
        #expect(error.description.contains("(--timeout)"))
        #expect(server.connections == 2)
        // The old client never ended (a 100,000-byte body at 5 bytes/s); the bound is loose for a loaded machine.
        #expect(elapsed >= .seconds(2) && elapsed < .seconds(45))
    }

    @Test func silenceFailsAtTheAttemptDeadline() async throws {
        let server = try await HostileServer(always: .silent)
        let configuration = SMSClientConfiguration(
            readTimeout: .milliseconds(500), retry: RetryPolicy(maxRetries: 0), clock: TestClock().clock)
        let start = ContinuousClock.now
        let error = try await withClient(server, configuration) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(error.isTransport)
        // Our timer or, on a loaded machine, the HTTP client's own deadline just behind it.
        #expect(error.description.contains("--timeout"))
        #expect(ContinuousClock.now - start < .seconds(45))
    }

    @Test func tenAttemptsInARowWithoutAnAnswerOpenTheBreaker() async throws {
        let server = try await HostileServer(always: .close)
        let clock = TestClock()
        let configuration = SMSClientConfiguration(retry: RetryPolicy(maxRetries: 20), clock: clock.clock)
        try await withClient(server, configuration) { client in
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: "t-1")
            }
            #expect(error.isEndpointDown)
            #expect(error.description.contains("10 requests in a row"))
            #expect(server.connections == 10)
            // Open means open: the next call does not even connect.
            let next = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: "t-2")
            }
            #expect(next.isEndpointDown)
            #expect(server.connections == 10)
        }
    }

    /// An answer whose head is 200 KB of headers.
    static let headerFlood =
        "HTTP/1.1 200 OK\r\n" + (0..<4_000).map { "X-Flood-\($0): \(String(repeating: "a", count: 40))\r\n" }.joined()
        + "Content-Length: 2\r\n\r\n{}"

    @Test func aFloodOfHeadersIsTheCallsErrorAndNeverOpensTheBreaker() async throws {
        let server = try await HostileServer(always: .raw(Self.headerFlood))
        let clock = TestClock()
        let configuration = SMSClientConfiguration(retry: RetryPolicy(maxRetries: 14), clock: clock.clock)
        try await withClient(server, configuration) { client in
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: "t-1")
            }
            // Fifteen answers in a row that cannot be read: each is an answer, the breaker (10) stays closed.
            #expect(error.isMalformedResponse, "\(error)")
            #expect(!error.isEndpointDown)
            #expect(server.connections == 15)
        }
    }

    @Test func anHTTPAnswerClosesTheBreakerCount() async throws {
        // 9 closed connections, one 503, 9 closed, one 503, …: never 10 in a row.
        let server = try await HostileServer { number in
            number % 10 == 9
                ? .raw("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                : .close
        }
        let configuration = SMSClientConfiguration(retry: RetryPolicy(maxRetries: 24), clock: TestClock().clock)
        let error = try await withClient(server, configuration) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(!error.isEndpointDown)
        #expect(server.connections == 25)
    }

    @Test func aRetryAfterPastTheRunDeadlineIsNotWaitedFor() async throws {
        let server = try await HostileServer(always: .raw(Self.throttled))
        let clock = TestClock()
        let configuration = SMSClientConfiguration(
            clock: clock.clock, runDeadline: clock.clock.now().addingTimeInterval(90))
        let error = try await withClient(server, configuration) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(error.isDeadlineReached)
        #expect(error.errorMessage == "not fetched: run deadline reached")
        #expect(clock.sleeps.isEmpty)
        #expect(server.connections == 1)
    }

    @Test func aRetryAfterBeforeTheRunDeadlineIsCappedAt120Seconds() async throws {
        let server = try await HostileServer(always: .raw(Self.throttled))
        let clock = TestClock()
        let configuration = SMSClientConfiguration(
            retry: RetryPolicy(maxRetries: 2), clock: clock.clock,
            runDeadline: clock.clock.now().addingTimeInterval(1000))
        let error = try await withClient(server, configuration) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(error.httpStatus == 429)
        #expect(clock.sleeps == [.seconds(120), .seconds(120)])
    }

    @Test func afterTheRunDeadlineNothingIsSent() async throws {
        let server = try await HostileServer(
            always: .raw("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"))
        let clock = TestClock()
        let configuration = SMSClientConfiguration(
            clock: clock.clock, runDeadline: clock.clock.now().addingTimeInterval(-1))
        let error = try await withClient(server, configuration) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(error.isDeadlineReached)
        #expect(server.connections == 0)
    }

    @Test func theRunDeadlineCutsAnAttemptInFlight() async throws {
        let server = try await HostileServer(always: .silent)
        let configuration = SMSClientConfiguration(runDeadline: Date().addingTimeInterval(1))
        let start = ContinuousClock.now
        let error = try await withClient(server, configuration) { client in
            try await #require(throws: SMSAPIError.self) { try await client.consistencyResult(taskID: "t-1") }
        }
        #expect(error.isDeadlineReached)
        // Far below the 60 s attempt timeout; generous because test machines can be loaded.
        #expect(ContinuousClock.now - start < .seconds(15))
    }

    @Test func anUnknownHostFailsAtOnceWithoutRetries() async throws {
        let clock = TestClock()
        let start = ContinuousClock.now
        try await SMSClient.withClient(
            endpoint: try SMSEndpoint(url: "http://sms.no-such-region-44.invalid"), credentials: .token("tok"),
            configuration: .init(clock: clock.clock), logger: LogCapture().logger()
        ) { client in
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: "t-1")
            }
            #expect(error.isUnknownHost)
            #expect(error.description.contains("unknown host sms.no-such-region-44.invalid"))
        }
        #expect(clock.sleeps.isEmpty)
        // No retry is the check above; the bound is loose for a loaded machine (the old client took ~66 s).
        #expect(ContinuousClock.now - start < .seconds(45))
    }
}
