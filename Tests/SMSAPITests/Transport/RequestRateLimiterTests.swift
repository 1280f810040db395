import TestSupport
import Testing

@testable import SMSAPI

/// The requests-per-second limiter, on a test clock.
@Suite struct RequestRateLimiterTests {
    @Test func spacesRequests() async throws {
        let clock = TestClock()
        let limiter = RequestRateLimiter(requestsPerSecond: 4, clock: clock.clock)
        for _ in 0..<5 { try await limiter.acquire() }
        #expect(clock.sleeps == Array(repeating: .milliseconds(250), count: 4))
    }

    @Test func idleTimeIsNotSaved() async throws {
        let clock = TestClock()
        let limiter = RequestRateLimiter(requestsPerSecond: 2, clock: clock.clock)
        try await limiter.acquire()
        try await clock.clock.sleep(.seconds(5))
        try await limiter.acquire()
        try await limiter.acquire()
        #expect(clock.sleeps == [.seconds(5), .milliseconds(500)])
    }
}
