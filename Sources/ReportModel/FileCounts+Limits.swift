/// The range of a count and arithmetic on counts that cannot trap (SPEC 2 step 4, "What is kept is bounded").
extension FileCounts {
    /// The largest count the API may send: 2^53, the largest integer every JSON reader keeps exactly.
    public static let maximumCount = 1 << 53

    /// `value` moved into `0...maximumCount`, for counts read from a `results.json` edited by hand.
    public static func clamped(_ value: Int) -> Int { min(max(value, 0), maximumCount) }

    /// `lhs + rhs`, or `Int.max` (`Int.min`) where the true sum does not fit.
    ///
    /// Valid counts are at most 2^53, so a run needs more than 1,000 directories at that maximum before a
    /// total saturates; a saturated total is still the right order of magnitude instead of a crash.
    public static func sum(_ lhs: Int, _ rhs: Int) -> Int {
        let (value, overflow) = lhs.addingReportingOverflow(rhs)
        guard overflow else { return value }
        return rhs > 0 ? Int.max : Int.min
    }

    /// `lhs - rhs`, saturating like ``sum(_:_:)``.
    public static func difference(_ lhs: Int, _ rhs: Int) -> Int {
        let (value, overflow) = lhs.subtractingReportingOverflow(rhs)
        guard overflow else { return value }
        return rhs < 0 ? Int.max : Int.min
    }

    /// Differing, missing and extra files together: the weight of a server in the "most differences" chart.
    public var differenceCount: Int { Self.sum(Self.sum(different, missingOnTarget), extraOnTarget) }
}

extension DirectoryResult {
    /// One count of a `results.json` directory: absent or null is 0; a number out of `0...2^53` (negative,
    /// fractional, `1e30`) is clamped into it, so that a file edited by hand renders instead of failing.
    static func count(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int {
        // One lookup for the usual integer (absent or null: nil); only other numbers take the second.
        if let value = try? container.decodeIfPresent(Int.self, forKey: key) { return FileCounts.clamped(value) }
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return 0 }
        let number = try container.decode(Double.self, forKey: key)
        guard number.isFinite else { return 0 }
        if number <= 0 { return 0 }
        if number >= Double(FileCounts.maximumCount) { return FileCounts.maximumCount }
        return Int(number.rounded(.down))
    }
}
