import Foundation

/// A condition `--fail-on` / `fail_on:` can name (SPEC 6 "Policy"): when one holds, the run exits 3.
public enum FailCondition: String, Sendable, Hashable, CaseIterable, Comparable {
    case inconsistent
    case newInconsistent = "new-inconsistent"
    case error
    case notVerified = "not-verified"
    case expiredWaiver = "expired-waiver"
    /// A server is stale under the first report's `max_age` that sets one (SPEC 9).
    case stale
    /// The account has tasks the manifest lacks (`--coverage`, SPEC 9).
    case uncovered

    /// The values, comma-separated, for error messages and help.
    public static let valueList = allCases.map(\.rawValue).joined(separator: ", ")

    /// Parses items that are each a value or a comma-separated list of values; throws naming the first unknown
    /// one and listing the values.
    public static func parse(_ items: [String]) throws(UnknownValue) -> Set<FailCondition> {
        var conditions: Set<FailCondition> = []
        for item in items {
            for part in item.split(separator: ",", omittingEmptySubsequences: false) {
                let text = part.trimmingCharacters(in: .whitespaces).lowercased()
                guard let condition = FailCondition(rawValue: text) else { throw UnknownValue(value: text) }
                conditions.insert(condition)
            }
        }
        return conditions
    }

    /// A value that is not a condition.
    public struct UnknownValue: Error, Sendable, CustomStringConvertible {
        /// The value as given, trimmed and lowercased.
        public var value: String
        /// The message, naming the value and listing the known ones.
        public var description: String {
            "'\(value)' is not a --fail-on condition (use one or more of: \(FailCondition.valueList))"
        }
    }

    /// Which of `conditions` hold for the aggregate `summary`, the changes since the previous run, the count of
    /// stale servers (`totals.stale`) and the coverage check (nil without `--coverage`), in the order of
    /// ``allCases``.
    public static func holding(
        _ conditions: Set<FailCondition>, summary: ConsistencySummary, changes: RunSummary.Changes, stale: Int = 0,
        coverage: RunSummary.Coverage? = nil
    ) -> [FailCondition] {
        allCases.filter {
            conditions.contains($0) && $0.holds(summary: summary, changes: changes, stale: stale, coverage: coverage)
        }
    }

    /// True when this condition holds for `summary`, `changes`, `stale` stale servers and `coverage` (`uncovered`
    /// never holds without a coverage check).
    public func holds(
        summary: ConsistencySummary, changes: RunSummary.Changes, stale: Int = 0, coverage: RunSummary.Coverage? = nil
    ) -> Bool {
        switch self {
        case .inconsistent: summary.totals.servers(.inconsistent) > 0
        case .newInconsistent: !changes.newlyInconsistent.isEmpty
        case .error: summary.totals.servers(.error) > 0
        case .notVerified: summary.totals.servers(.notVerified) > 0
        case .expiredWaiver: !summary.waivers.expired.isEmpty
        case .stale: stale > 0
        case .uncovered: !(coverage?.notInManifest.isEmpty ?? true)
        }
    }

    /// In the order of ``allCases``.
    public static func < (lhs: FailCondition, rhs: FailCondition) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
