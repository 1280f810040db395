import Logging
import ReportModel
import SMSAPI

/// Fetches every task's consistency result, at most `concurrency` requests in flight.
///
/// A task that fails (404, retries exhausted, unreadable body) becomes a ``TaskRecord`` with an error;
/// only the ``RequestGuard``'s early-stop rules end the stage with a thrown ``PipelineError``.
struct ResultCollector: Sendable {
    let client: SMSClient
    let guardian: RequestGuard
    let concurrency: Int
    let logger: Logger

    /// One record per entry, in manifest order.
    func collect(_ entries: [ManifestEntry], progress: (PipelineProgress) -> Void) async throws -> [TaskRecord] {
        let client = client
        let guardian = guardian
        let logger = logger
        let total = entries.count
        progress(PipelineProgress(stage: .collect, completed: 0, total: total))
        let onEach: (Int) -> Void = { progress(PipelineProgress(stage: .collect, completed: $0, total: total)) }
        return try await mapConcurrently(entries, limit: concurrency, onEach: onEach) { entry in
            var record = TaskRecord(taskID: entry.taskID, sourceID: entry.sourceID, sourceName: entry.sourceName)
            do {
                let result = try await client.consistencyResult(taskID: entry.taskID)
                await guardian.recordSuccess()
                record.finishedTime = result.finishedTimeMilliseconds
                record.directories = result.directories.map {
                    DirectoryResult(
                        path: $0.path,
                        counts: FileCounts(
                            total: $0.total, different: $0.different, missingOnTarget: $0.missingOnTarget,
                            extraOnTarget: $0.extraOnTarget))
                }
            } catch let error as SMSAPIError {
                try await guardian.record(error)
                logger.debug("task result not obtained", metadata: ["task_id": "\(entry.taskID)", "error": "\(error)"])
                record.error = TaskError(error)
            }
            return record
        }
    }
}
