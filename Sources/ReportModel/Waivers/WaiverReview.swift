import Foundation

/// What a set of waivers did to one aggregate: which were in force, expired or unused, and how many differing
/// directories they accepted.
public struct WaiverReview: Sendable, Hashable {
    /// Waivers in force, in file order.
    public var inForce: [Waiver] = []
    /// Waivers whose last day is before the report's today, in file order.
    public var expired: [Waiver] = []
    /// Waivers in force that accepted no directory, in file order.
    public var unused: [Waiver] = []
    /// Differing directories accepted by a waiver.
    public var applied = 0
    /// Directories accepted per waiver id.
    public var uses: [String: Int] = [:]

    /// No waivers.
    public init() {}

    /// The review of the waivers in force `inForce` over the aggregated `servers`.
    init(inForce: [Waiver], servers: [ServerSummary]) {
        self.inForce = inForce
        for server in servers {
            for waiver in server.acceptances.values { uses[waiver.id, default: 0] += 1 }
        }
        applied = uses.values.reduce(0, +)
        unused = inForce.filter { uses[$0.id] == nil }
    }

    /// True when no waiver is configured.
    public var isEmpty: Bool { inForce.isEmpty && expired.isEmpty }
}

extension ConsistencySummary {
    /// The aggregate with the waivers that are in force at `now` in `zone` applied (SPEC 6): a waiver applies
    /// through its `expires` day in the report's time zone and stops after it.
    public init(tasks: [TaskRecord], waivers: [Waiver], at now: Date, in zone: ReportTimeZone) {
        let inForce = waivers.filter { $0.isInForce(at: now, in: zone) }
        self.init(tasks: tasks, waivers: inForce)
        self.waivers.expired = waivers.filter { !$0.isInForce(at: now, in: zone) }
    }
}

extension RunSummary.Waivers {
    /// `summary.json`'s `waivers` from a review.
    public init(_ review: WaiverReview) {
        self.init()
        applied = review.applied
        expired = review.expired.map(\.id)
        unused = review.unused.map(\.id)
    }
}
