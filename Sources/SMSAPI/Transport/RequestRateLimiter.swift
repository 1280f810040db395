import Foundation

/// Paces the requests of one client at its allowed rate: `--rate` as a fixed ceiling, and the adaptive rate
/// (``AIMDRateController``) that 429s lower and answers raise again.
///
/// Requests go out at least `1/rate` apart across all callers; idle time is not saved up into a burst. The rate
/// is looked up again each time a caller wakes, so that a decrease slows the callers already waiting.
actor RequestRateLimiter {
    /// What a caller was let through with; handed back with a 429 so that the controller can tell a request that
    /// was already in flight at the last decrease.
    struct Ticket: Sendable, Hashable {
        var generation: Int
    }

    private var controller: AIMDRateController
    /// False with a fixed rate only (no adaptive policy): 429s and answers leave the rate as it is.
    private let adaptive: Bool
    private let clock: SMSClock
    private var lastSlot: Date?

    /// A fixed `requestsPerSecond` (nil = none) and, unless `adaptive` is nil, the adaptive rate under it.
    init(requestsPerSecond: Double?, adaptive: AdaptiveRatePolicy?, clock: SMSClock) {
        self.controller = AIMDRateController(policy: adaptive ?? AdaptiveRatePolicy(), ceiling: requestsPerSecond)
        self.adaptive = adaptive != nil
        self.clock = clock
    }

    /// The allowed rate now, in requests per second; nil = unlimited.
    var rate: Double? { controller.rate }

    /// Waits until this caller may send.
    func acquire() async throws -> Ticket {
        while true {
            let now = clock.now()
            guard let rate = controller.rate, let last = lastSlot else {
                lastSlot = now
                return Ticket(generation: controller.generation)
            }
            let interval = 1 / rate
            let slot = last.addingTimeInterval(interval)
            let wait = slot.timeIntervalSince(now)
            if wait < 1e-6 {
                // A caller less than one interval late keeps the spacing; a later one starts it afresh from now.
                lastSlot = -wait < interval ? slot : now
                return Ticket(generation: controller.generation)
            }
            try await clock.sleep(.microseconds(Int64((wait * 1e6).rounded())))
        }
    }

    /// A request got an HTTP answer other than 429.
    func recordAnswer() {
        if adaptive { controller.recordAnswer(at: clock.now()) }
    }

    /// A request let through with `ticket` was answered 429; returns the lowered rate, or nil when it stays.
    func recordThrottled(_ ticket: Ticket) -> Double? {
        guard adaptive, controller.recordThrottled(requestGeneration: ticket.generation, at: clock.now()) else {
            return nil
        }
        return controller.rate
    }
}
