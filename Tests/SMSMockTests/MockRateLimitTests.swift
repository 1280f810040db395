import Foundation
import SMSAPI
import SMSMock
import TestSupport
import Testing

/// The mock's server-side rate limit (`--rate-limit`): the token bucket on explicit instants, and its 429s on the wire.
@Suite struct MockRateLimitTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aFullBucketLetsItsBurstThroughThenRefusesWithTheWait() throws {
        let bucket = MockTokenBucket(rate: 10)
        #expect(bucket.burst == 10)
        for _ in 0..<10 { #expect(bucket.take(now: Self.start) == nil) }
        let wait = try #require(bucket.take(now: Self.start))
        #expect(abs(wait - 0.1) < 1e-9)
        #expect(MockTokenBucket.retryAfter(wait) == "1")
        #expect(MockTokenBucket.retryAfter(2.2) == "3")
    }

    @Test func theBucketRefillsAtItsRateUpToItsBurst() {
        let bucket = MockTokenBucket(rate: 10, burst: 5)
        for _ in 0..<5 { #expect(bucket.take(now: Self.start) == nil) }
        #expect(bucket.take(now: Self.start) != nil)
        // 0.25 s later: 2.5 tokens, so two requests pass.
        let later = Self.start.addingTimeInterval(0.25)
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) != nil)
        // A long pause fills it to the burst, no further.
        let much = Self.start.addingTimeInterval(60)
        for _ in 0..<5 { #expect(bucket.take(now: much) == nil) }
        #expect(bucket.take(now: much) != nil)
    }

    @Test func aSteadyRateAtTheLimitIsNeverRefused() {
        let bucket = MockTokenBucket(rate: 50, burst: 1)
        for index in 0..<500 { #expect(bucket.take(now: Self.start.addingTimeInterval(Double(index) / 50)) == nil) }
    }

    @Test func requestsBeyondTheLimitAreAnswered429WithRetryAfter() async throws {
        let world = MockWorld.synthetic(taskCount: 5, seed: 3)
        let now = Self.start
        var options = MockSession.options(faults: MockFaults(rateLimit: 0.01, rateLimitBurst: 2))
        options.now = { now }
        var configuration = SMSClientConfiguration(retry: RetryPolicy(maxRetries: 0))
        configuration.adaptiveRate = nil
        try await MockSession.run(
            world: world, options: options, credentials: .token(MockSession.token), configuration: configuration,
            logger: LogCapture().logger()
        ) { client, mock in
            _ = try await client.consistencyResult(taskID: world.tasks[0].id)
            _ = try await client.listTasks(state: nil, limit: 5, offset: 0)
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: world.tasks[1].id)
            }
            #expect(error.httpStatus == 429)
            #expect(error.errorCode == "APIG.0308")
            #expect(error.retryAfter == "100")
            let counters = mock.counters.snapshot()
            #expect(counters.throttled == 1)
            #expect(counters.throttledPerRoute == ["consistency-result": 1])
            #expect(counters.totalRequests == 3)
            let first = try #require(counters.firstResultRequestAt)
            let last = try #require(counters.lastResultAnswerAt)
            #expect(last >= first)
        }
    }
}
