import Foundation

extension StringTable {
    /// The stale mark shown beside a status: `stale, verified 12 days ago` (`校验已过期，12 天前校验`), or the
    /// never-verified form when the time is unknown; nil for a fresh server.
    public func staleMark(_ freshness: Freshness) -> String? {
        guard case .stale(let age) = freshness else { return nil }
        guard let age else { return self[.freshnessStaleNever] }
        return format(.freshnessStaleAge, ageText(age))
    }

    /// An age in the largest whole unit it reaches: days from one day, hours from one hour, else minutes (at
    /// least one, so a just-stale server never reads "0 minutes").
    public func ageText(_ seconds: TimeInterval) -> String {
        let whole = Int(max(0, seconds.rounded(.down)))
        if whole >= 86_400 {
            let days = whole / 86_400
            return days == 1 ? self[.freshnessAgeDay] : format(.freshnessAgeDays, ReportNumbers.grouped(days))
        }
        if whole >= 3_600 {
            let hours = whole / 3_600
            return hours == 1 ? self[.freshnessAgeHour] : format(.freshnessAgeHours, hours)
        }
        let minutes = max(1, whole / 60)
        return minutes == 1 ? self[.freshnessAgeMinute] : format(.freshnessAgeMinutes, minutes)
    }

    /// The servers CSV's stale cell: the localized yes or no.
    public func staleWord(_ freshness: Freshness) -> String {
        freshness.isStale ? self[.freshnessYes] : self[.freshnessNo]
    }
}
