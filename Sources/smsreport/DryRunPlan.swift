import Pipeline

/// The text `--dry-run` prints: the batches and requests a run would make.
struct DryRunPlan {
    let plan: RunPlan
    let manifest: Manifest

    var text: String {
        var lines: [String] = []
        let languages = plan.languages.map(\.rawValue).joined(separator: ", ")
        lines.append(
            "plan: \(plan.taskCount) tasks in \(plan.batches.count) batches; "
                + "\(plan.exportRequests) export requests (\(languages.isEmpty ? "export off" : languages)), "
                + "\(plan.taskCount) result requests; nothing was called")
        for batch in plan.batches {
            let first = batch.entries.first!.location
            let last = batch.entries.last!.location
            lines.append("  \(batch.fileStem): \(batch.entries.count) tasks (\(first) … \(last))")
        }
        return lines.joined(separator: "\n")
    }
}
