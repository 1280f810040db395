import Foundation
import Testing

@testable import SMSAPI

/// Retry decisions (SPEC 2 step 4, docs/retries.md).
@Suite struct RetryPolicyTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    let policy = RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(400), maxDelay: .seconds(2))

    static func status(_ code: Int, retryAfter: String? = nil) -> SMSAPIError {
        SMSAPIError.http(status: code, body: nil, requestID: nil, retryAfter: retryAfter, rawText: nil)
    }

    @Test func throttledWithRetryAfterSecondsWaitsExactly() {
        #expect(
            policy.decision(after: Self.status(429, retryAfter: "7"), attempt: 1, now: Self.now, random: 0.9)
                == .retry(after: .seconds(7)))
    }

    @Test func throttledWithRetryAfterDateWaitsUntilThen() {
        let header = "Tue, 15 Nov 1994 08:12:31 GMT"
        let then = Date(timeIntervalSince1970: 784_887_151)
        let decision = policy.decision(
            after: Self.status(429, retryAfter: header), attempt: 1, now: then - 12, random: 0.9)
        #expect(decision == .retry(after: .seconds(12)))
        #expect(
            policy.decision(after: Self.status(429, retryAfter: header), attempt: 1, now: then + 60, random: 0.9)
                == .retry(after: .zero))
    }

    @Test func retryAfterIsCapped() {
        let capped = RetryPolicy(maxRetryAfter: .seconds(30))
        #expect(
            capped.decision(after: Self.status(503, retryAfter: "3600"), attempt: 1, now: Self.now, random: 0)
                == .retry(after: .seconds(30)))
    }

    @Test func throttledWithoutRetryAfterUsesFullJitter() {
        #expect(
            policy.decision(after: Self.status(429), attempt: 1, now: Self.now, random: 0.5)
                == .retry(after: .milliseconds(200)))
        #expect(
            policy.decision(after: Self.status(429), attempt: 2, now: Self.now, random: 0.5)
                == .retry(after: .milliseconds(400)))
        #expect(
            policy.decision(after: Self.status(429), attempt: 3, now: Self.now, random: 0.99)
                == .retry(after: .milliseconds(1584)))
        #expect(
            policy.decision(after: Self.status(429, retryAfter: "soon"), attempt: 1, now: Self.now, random: 0)
                == .retry(after: .zero))
    }

    @Test func backoffStopsAtMaxDelay() {
        #expect(policy.backoff(retry: 10, random: 0.999_9) < .seconds(2))
        #expect(policy.backoff(retry: 10, random: 0.5) == .seconds(1))
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsAreRetried(_ code: Int) {
        #expect(
            policy.decision(after: Self.status(code), attempt: 1, now: Self.now, random: 0.25)
                == .retry(after: .milliseconds(100)))
    }

    @Test(arguments: [400, 401, 403, 404, 409, 501])
    func otherStatusesAreFinal(_ code: Int) {
        #expect(
            policy.decision(after: Self.status(code, retryAfter: "1"), attempt: 1, now: Self.now, random: 0.5)
                == .giveUp)
    }

    @Test func transportFailuresAreRetriedUnrecognizedAreNot() {
        #expect(
            policy.decision(after: .transport("reset"), attempt: 1, now: Self.now, random: 0) == .retry(after: .zero))
        let unrecognized = SMSAPIError.unrecognized(reason: "x", status: 200, rawBody: [], requestID: nil)
        #expect(policy.decision(after: unrecognized, attempt: 1, now: Self.now, random: 0) == .giveUp)
        #expect(
            policy.decision(
                after: .tooLarge(limit: 1, status: 200, requestID: nil), attempt: 1, now: Self.now, random: 0)
                == .giveUp)
    }

    @Test func attemptsAreBounded() {
        #expect(policy.decision(after: Self.status(503), attempt: 3, now: Self.now, random: 0) != .giveUp)
        #expect(policy.decision(after: Self.status(503), attempt: 4, now: Self.now, random: 0) == .giveUp)
        #expect(
            RetryPolicy(maxRetries: 0).decision(after: Self.status(503), attempt: 1, now: Self.now, random: 0)
                == .giveUp)
    }

    @Test(arguments: [
        ("120", 120.0), ("0", 0.0), ("Sun, 06 Nov 1994 08:49:37 GMT", 10.0), ("Sunday, 06-Nov-94 08:49:37 GMT", 10.0),
        ("Sun Nov  6 08:49:37 1994", 10.0),
    ])
    func parsesRetryAfter(_ header: String, _ seconds: Double) throws {
        let now = Date(timeIntervalSince1970: 784_111_777 - 10)
        let wait = try #require(RetryPolicy.retryAfter(header, now: now))
        #expect(wait == .seconds(seconds))
    }

    @Test(arguments: ["-1", "", "later"])
    func ignoresUnreadableRetryAfter(_ header: String) {
        #expect(RetryPolicy.retryAfter(header, now: Self.now) == nil)
    }
}
