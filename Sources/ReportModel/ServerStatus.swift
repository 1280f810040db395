/// The consistency status of a source server, in the order reports sort by (worst first).
public enum ServerStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case inconsistent
    case error
    case notVerified = "not_verified"
    /// Every difference is covered by a waiver in force (SPEC 6); never folded into consistent.
    case accepted
    case consistent

    /// 0 for the worst status; rows sort by ascending rank.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: ServerStatus, rhs: ServerStatus) -> Bool { lhs.rank < rhs.rank }
}
