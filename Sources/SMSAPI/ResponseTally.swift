import Foundation

/// The API's answers by HTTP status in this process (`"200"`, `"429"`, …; `"none"` for a request that got no
/// answer), for the metrics file's `smsreport_requests` (SPEC 8.4). One line in the transport records each.
public final class ResponseTally: @unchecked Sendable {
    /// The tally of this process.
    public static let shared = ResponseTally()

    // NSLock rather than Mutex: Mutex needs macOS 15 and the package supports 14.
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// An empty tally (tests make their own).
    public init() {}

    /// Counts one answer with `status`, or one request without an answer when `status` is nil.
    public func record(_ status: Int?) {
        let key = status.map(String.init) ?? "none"
        lock.withLock { counts[key, default: 0] += 1 }
    }

    /// The counts so far.
    public var snapshot: [String: Int] { lock.withLock { counts } }
}
