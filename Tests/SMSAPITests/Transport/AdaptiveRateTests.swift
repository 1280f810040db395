import Foundation
import Testing

@testable import SMSAPI

/// The AIMD arithmetic of the adaptive request rate, on explicit instants (no clock, no sleeping).
@Suite struct AdaptiveRateTests {
    static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

    /// One answer long before `end` (the run is older than the window), then `count` answers spread over the
    /// last 0.8 s before `end`: `count` per second measured.
    static func answers(_ count: Int, before end: Date, into controller: inout AIMDRateController) {
        controller.recordAnswer(at: end.addingTimeInterval(-5))
        for index in 0..<count {
            controller.recordAnswer(at: end.addingTimeInterval(-0.8 + 0.8 * Double(index) / Double(count)))
        }
    }

    @Test func unlimitedUntilTheFirst429ThenAShareOfTheMeasuredRate() {
        var controller = AIMDRateController(policy: AdaptiveRatePolicy(decreaseFactor: 0.5), ceiling: nil)
        let now = Self.start.addingTimeInterval(10)
        Self.answers(80, before: now, into: &controller)
        #expect(controller.rate == nil)
        let decreased = controller.recordThrottled(requestGeneration: 0, at: now)
        #expect(decreased)
        #expect(controller.rate == 40)
        #expect(controller.generation == 1)
    }

    @Test func aDecreaseStartsFromTheAllowedRateWhenThatIsLower() {
        var controller = AIMDRateController(policy: AdaptiveRatePolicy(decreaseFactor: 0.5), ceiling: 30)
        let now = Self.start.addingTimeInterval(10)
        Self.answers(80, before: now, into: &controller)
        #expect(controller.rate == 30)
        controller.recordThrottled(requestGeneration: 0, at: now)
        #expect(controller.rate == 15)
    }

    @Test func answersRaiseTheRateByTheIncreasePerSecondsWorth() throws {
        var controller = AIMDRateController(
            policy: AdaptiveRatePolicy(decreaseFactor: 0.5, increasePerSecond: 4), ceiling: nil)
        let now = Self.start.addingTimeInterval(10)
        Self.answers(20, before: now, into: &controller)
        controller.recordThrottled(requestGeneration: 0, at: now)
        #expect(controller.rate == 10)
        // Ten answers, one second's worth at 10 per second: each adds 4 / rate, about +3.5 in all.
        for index in 0..<10 { controller.recordAnswer(at: now.addingTimeInterval(Double(index) / 10)) }
        let rate = try #require(controller.rate)
        #expect(rate > 13.4 && rate < 13.5)
    }

    @Test func theRateNeverExceedsTheCeiling() {
        var controller = AIMDRateController(policy: AdaptiveRatePolicy(increasePerSecond: 50), ceiling: 12)
        let now = Self.start.addingTimeInterval(10)
        Self.answers(10, before: now, into: &controller)
        controller.recordThrottled(requestGeneration: 0, at: now)
        #expect(controller.rate == 7)
        for index in 0..<100 { controller.recordAnswer(at: now.addingTimeInterval(Double(index) / 100)) }
        #expect(controller.rate == 12)
    }

    @Test func throttlesOfRequestsAlreadyInFlightCountOnce() {
        var controller = AIMDRateController(policy: AdaptiveRatePolicy(decreaseFactor: 0.5), ceiling: 100)
        let now = Self.start.addingTimeInterval(10)
        let first = controller.recordThrottled(requestGeneration: 0, at: now)
        #expect(first)
        #expect(controller.rate == 50)
        // Fifteen more 429s for requests let through before the decrease: no further decrease.
        for _ in 0..<15 {
            let again = controller.recordThrottled(requestGeneration: 0, at: now)
            #expect(!again)
        }
        #expect(controller.rate == 50)
        // A 429 for a request let through after it lowers the rate again.
        let next = controller.recordThrottled(requestGeneration: 1, at: now.addingTimeInterval(0.1))
        #expect(next)
        #expect(controller.rate == 25)
        #expect(controller.generation == 2)
    }

    @Test func theRateHasAFloorAboveZero() throws {
        var controller = AIMDRateController(policy: AdaptiveRatePolicy(minimumRate: 2), ceiling: nil)
        var now = Self.start
        // Nothing answered at all: the first 429 goes straight to the floor.
        for generation in 0..<30 {
            controller.recordThrottled(requestGeneration: generation, at: now)
            now += 0.5
        }
        #expect(controller.rate == 2)
        // A --rate below the floor is the floor.
        var slow = AIMDRateController(policy: AdaptiveRatePolicy(minimumRate: 2), ceiling: 0.5)
        slow.recordThrottled(requestGeneration: 0, at: now)
        #expect(slow.rate == 0.5)
        #expect(try #require(slow.rate) > 0)
    }

    @Test func theMeasuredRateForgetsAnswersOlderThanTheWindow() {
        var count = SlidingCount(window: 1)
        for index in 0..<50 { count.add(at: 100.005 + Double(index) / 100) }
        let (half, later, gone) = (count.count(at: 100.5), count.count(at: 101.25), count.count(at: 105))
        #expect(half == 50)
        #expect(later == 20)
        #expect(gone == 0)
        count.add(at: 105)
        let (one, rate) = (count.count(at: 105.05), count.rate(at: 105.05))
        #expect(one == 1)
        #expect(rate == 1)
    }

    @Test func aYoungRunIsMeasuredOverItsOwnAge() {
        var count = SlidingCount(window: 1)
        let none = count.rate(at: 50)
        #expect(none == 0)
        for index in 0..<25 { count.add(at: 50 + Double(index) / 100) }
        // 25 answers in the first 0.25 s: 100 per second, not 25.
        let young = count.rate(at: 50.25)
        #expect(abs(young - 100) < 1e-6)
        // Never over less than a tenth of the window.
        var burst = SlidingCount(window: 1)
        for _ in 0..<5 { burst.add(at: 70) }
        let instant = burst.rate(at: 70.001)
        #expect(abs(instant - 50) < 1e-6)
    }

    @Test func policyValuesAreClampedToUsableOnes() {
        let policy = AdaptiveRatePolicy(
            decreaseFactor: 3, increasePerSecond: -1, minimumRate: 0, measurementWindow: .zero)
        #expect(policy.decreaseFactor < 1)
        #expect(policy.increasePerSecond == 0)
        #expect(policy.minimumRate > 0)
        #expect(policy.measurementWindow == .seconds(1))
    }
}
