import ReportModel

extension NotificationEntry.Condition {
    /// Whether an entry with this condition sends for `summary` (SPEC 8.3); a usage error (exit 2) never does.
    ///
    /// `previousExitCode` is the previous run's of the same scope, nil when there was none (then only server
    /// changes count for `changes`).
    public func holds(for summary: RunSummary, previousExitCode: Int?) -> Bool {
        guard summary.exitCode != 2 else { return false }
        switch self {
        case .always:
            return true
        case .problems:
            let problemStatuses = ["inconsistent", "error", "not_verified"]
            return summary.exitCode != 0 || problemStatuses.contains { summary.totals.byStatus[$0, default: 0] > 0 }
        case .changes:
            let changes = summary.changes
            let serversChanged =
                !(changes.newlyInconsistent.isEmpty && changes.resolved.isEmpty
                && changes.newServers.isEmpty && changes.gone.isEmpty)
            return serversChanged || previousExitCode.map { $0 != summary.exitCode } ?? false
        case .failure:
            return [1, 4, 130, 143].contains(summary.exitCode)
        }
    }
}
