import Foundation

/// Whether a server's latest verification is recent enough for a report with `max_age` (SPEC 9).
///
/// Only a server with data can be stale: one whose results could not be obtained or that was never verified
/// already reads "Error" or "Not verified", and its status says more than a freshness mark would. The status itself
/// never changes; staleness is a mark beside it.
public enum Freshness: Sendable, Hashable {
    /// Verified within `max_age`, or a server without data.
    case fresh
    /// A server with data verified longer ago than `max_age`; `age` in seconds, nil when the time is unknown.
    case stale(age: TimeInterval?)

    /// True for ``stale(age:)``.
    public var isStale: Bool {
        if case .stale = self { return true }
        return false
    }

    /// The freshness of a server verified at `verifiedAt` (nil when unknown) judged at `now`: stale when it has
    /// data and its verification is unknown or strictly older than `maxAge` seconds (exactly `maxAge` is fresh).
    public static func of(
        hasData: Bool, verifiedAt: Date?, maxAge: TimeInterval, at now: Date
    ) -> Freshness {
        guard hasData else { return .fresh }
        guard let verifiedAt else { return .stale(age: nil) }
        let age = now.timeIntervalSince(verifiedAt)
        return age > maxAge ? .stale(age: age) : .fresh
    }
}

extension ServerSummary {
    /// This server's freshness under `maxAge` seconds at `now` (the run's start; for `render`, the snapshot's).
    public func freshness(maxAge: TimeInterval, at now: Date) -> Freshness {
        Freshness.of(hasData: hasData, verifiedAt: verifiedAt, maxAge: maxAge, at: now)
    }
}

extension ConsistencySummary {
    /// How many servers are stale under `maxAge` seconds at `now`.
    public func staleCount(maxAge: TimeInterval, at now: Date) -> Int {
        servers.lazy.filter { $0.freshness(maxAge: maxAge, at: now).isStale }.count
    }
}
