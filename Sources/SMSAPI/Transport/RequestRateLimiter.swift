import Foundation

/// Spaces requests at least `1/rate` seconds apart, across all callers of one client.
actor RequestRateLimiter {
    private let interval: Double
    private let clock: SMSClock
    private var nextSlot: Date?

    init(requestsPerSecond: Double, clock: SMSClock) {
        self.interval = 1 / max(requestsPerSecond, 0.001)
        self.clock = clock
    }

    /// Waits for this caller's slot; slots are handed out in call order.
    func acquire() async throws {
        let now = clock.now()
        let slot = max(now, nextSlot ?? now)
        nextSlot = slot.addingTimeInterval(interval)
        let wait = slot.timeIntervalSince(now)
        if wait > 0 {
            try await clock.sleep(.milliseconds(Int64((wait * 1000).rounded())))
        }
    }
}
