import TestSupport
import Testing

@testable import SMSAPI

/// The request pacer, fixed (`--rate`) and adaptive, on a test clock.
@Suite struct RequestRateLimiterTests {
    @Test func spacesRequests() async throws {
        let clock = TestClock()
        let limiter = RequestRateLimiter(requestsPerSecond: 4, adaptive: nil, clock: clock.clock)
        for _ in 0..<5 { _ = try await limiter.acquire() }
        #expect(clock.sleeps == Array(repeating: .milliseconds(250), count: 4))
    }

    @Test func idleTimeIsNotSaved() async throws {
        let clock = TestClock()
        let limiter = RequestRateLimiter(requestsPerSecond: 2, adaptive: nil, clock: clock.clock)
        _ = try await limiter.acquire()
        try await clock.clock.sleep(.seconds(5))
        _ = try await limiter.acquire()
        _ = try await limiter.acquire()
        #expect(clock.sleeps == [.seconds(5), .milliseconds(500)])
    }

    @Test func aFixedRateIgnores429s() async throws {
        let clock = TestClock()
        let limiter = RequestRateLimiter(requestsPerSecond: 4, adaptive: nil, clock: clock.clock)
        let ticket = try await limiter.acquire()
        #expect(await limiter.recordThrottled(ticket) == nil)
        #expect(await limiter.rate == 4)
    }

    @Test func adaptiveIsUnlimitedUntilA429ThenSpacesAtTheLoweredRate() async throws {
        let clock = TestClock()
        let limiter = RequestRateLimiter(
            requestsPerSecond: nil, adaptive: AdaptiveRatePolicy(decreaseFactor: 0.5), clock: clock.clock)
        var tickets: [RequestRateLimiter.Ticket] = []
        for _ in 0..<20 {
            tickets.append(try await limiter.acquire())
            await limiter.recordAnswer()
        }
        #expect(clock.sleeps.isEmpty)
        #expect(await limiter.rate == nil)
        // 20 answers at one instant, measured over the shortest span (0.1 s): 200 per second, 100 after the
        // decrease; the other 429s of that generation change nothing.
        #expect(await limiter.recordThrottled(tickets[0]) == 100)
        #expect(await limiter.recordThrottled(tickets[1]) == nil)
        let next = try await limiter.acquire()
        #expect(clock.sleeps == [.milliseconds(10)])
        #expect(next.generation == 1)
    }

    @Test func aDecreaseWidensTheSpacingOfAFixedRate() async throws {
        let clock = TestClock()
        let limiter = RequestRateLimiter(
            requestsPerSecond: 10, adaptive: AdaptiveRatePolicy(decreaseFactor: 0.5, increasePerSecond: 0),
            clock: clock.clock)
        let first = try await limiter.acquire()
        #expect(await limiter.recordThrottled(first) == 5)
        _ = try await limiter.acquire()
        #expect(clock.sleeps == [.milliseconds(200)])
    }
}
