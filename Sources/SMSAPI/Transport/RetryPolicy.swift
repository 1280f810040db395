import Foundation

/// When and how long to wait before trying a call again (SPEC 2 step 4, docs/retries.md).
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    /// The backoff ceiling of the first retry; it doubles with each further retry.
    public var baseDelay: Duration
    /// The backoff ceiling never exceeds this.
    public var maxDelay: Duration
    /// A `Retry-After` longer than this is cut to it, so that a cron run cannot hang on one header.
    public var maxRetryAfter: Duration
    /// The HTTP statuses worth retrying; every other 4xx and 5xx is final.
    public var retryableStatuses: Set<Int>

    public init(
        maxRetries: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(120), retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]
    ) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retryableStatuses = retryableStatuses
    }

    /// What to do after a failed attempt.
    public enum Decision: Sendable, Hashable {
        case retry(after: Duration)
        case giveUp
    }

    /// The decision after attempt number `attempt` (1 for the first) failed with `error`.
    ///
    /// `random` is a value in `0..<1` (full jitter: the wait is uniform between 0 and the backoff ceiling);
    /// a `Retry-After` is honoured as given, up to `maxRetryAfter`.
    public func decision(after error: SMSAPIError, attempt: Int, now: Date, random: Double) -> Decision {
        guard attempt <= maxRetries, isRetryable(error) else { return .giveUp }
        if let header = error.retryAfter, let wait = Self.retryAfter(header, now: now) {
            return .retry(after: min(wait, maxRetryAfter))
        }
        return .retry(after: backoff(retry: attempt, random: random))
    }

    /// True for transport failures and the retryable statuses.
    public func isRetryable(_ error: SMSAPIError) -> Bool {
        // A malformed answer may be a proxy or a connection that garbled it once; it is retried like no answer.
        if error.isTransport || error.isMalformedResponse { return true }
        guard !error.isUnrecognizedResponse, !error.isResponseTooLarge, let status = error.httpStatus else {
            return false
        }
        return retryableStatuses.contains(status)
    }

    /// Full jitter: uniform in `0 ..< min(maxDelay, baseDelay × 2^(retry-1))`.
    public func backoff(retry: Int, random: Double) -> Duration {
        let exponent = Double(min(max(retry - 1, 0), 30))
        let ceiling = min(maxDelay.seconds, baseDelay.seconds * pow(2, exponent))
        return .milliseconds(Int64((ceiling * min(max(random, 0), 1) * 1000).rounded(.down)))
    }

    /// A `Retry-After` value as a wait: delay-seconds, or an HTTP date (IMF-fixdate, RFC 850 or asctime).
    /// Dates in the past give zero; nil when the value is neither.
    public static func retryAfter(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int64(trimmed) {
            return seconds >= 0 ? .seconds(seconds) : nil
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let wait = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((wait * 1000).rounded(.up)))
            }
        }
        return nil
    }
}

/// Durations as seconds, for backoff arithmetic.
extension Duration {
    /// This duration in (fractional) seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
