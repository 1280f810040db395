import Foundation

/// The mock's server-side rate limit (`mock-server --rate-limit R`): a token bucket that refills `rate` tokens per
/// second up to `burst`; a request that finds no whole token is answered 429 `APIG.0308`.
public final class MockTokenBucket: @unchecked Sendable {
    // A lock rather than an actor: handlers and tests take tokens synchronously.
    private let lock = NSLock()
    /// Tokens per second.
    public let rate: Double
    /// The most tokens the bucket holds; it starts full.
    public let burst: Double
    private var tokens: Double
    private var updated: Date?

    /// `burst` nil = one second's worth (at least one token).
    public init(rate: Double, burst: Double? = nil) {
        self.rate = max(rate, 0.001)
        self.burst = max(burst ?? rate, 1)
        self.tokens = self.burst
    }

    /// Takes a token at `now`; nil when there is one, else the seconds until there will be (the `Retry-After`).
    public func take(now: Date) -> Double? {
        lock.withLock {
            if let updated {
                tokens = min(burst, tokens + max(0, now.timeIntervalSince(updated)) * rate)
            }
            updated = now
            // A hair below one is one: a request exactly 1/rate after the last must pass despite rounding.
            if tokens >= 1 - 1e-4 {
                tokens -= 1
                return nil
            }
            return max(0, 1 - tokens) / rate
        }
    }

    /// A wait in seconds as a `Retry-After` value: whole seconds, rounded up, at least 1.
    public static func retryAfter(_ seconds: Double) -> String {
        String(max(1, Int(seconds.rounded(.up))))
    }
}
