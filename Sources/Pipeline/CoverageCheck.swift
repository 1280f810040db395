import Foundation
import ReportModel
import SMSAPI

/// `--coverage` (SPEC 9): the manifest compared with the account's task list, both ways.
///
/// A pure function of the two lists, so that each rule is unit-tested without a server.
public enum CoverageCheck {
    /// Compares the manifest's entries with the tasks the account listed: the listed tasks the manifest lacks
    /// (in listing order, each once) and the manifest's task IDs the account did not list (in manifest order,
    /// each once). A listed task without a source name shows its task name, as `--discover` does.
    public static func compare(manifest: [ManifestEntry], listed: [MigrationTask]) -> RunSummary.Coverage {
        let inManifest = Set(manifest.map(\.taskID))
        var listedIDs: Set<String> = []
        var notInManifest: [RunSummary.Coverage.UncoveredTask] = []
        for task in listed where !task.id.isEmpty && listedIDs.insert(task.id).inserted {
            guard !inManifest.contains(task.id) else { continue }
            notInManifest.append(
                .init(
                    taskID: task.id, sourceName: task.sourceName.isEmpty ? task.name : task.sourceName,
                    state: task.state))
        }
        var reported: Set<String> = []
        let notListed = manifest.map(\.taskID).filter { !listedIDs.contains($0) && reported.insert($0).inserted }
        return RunSummary.Coverage(listed: listedIDs.count, notInManifest: notInManifest, notListed: notListed)
    }
}

extension Discovery {
    /// Lists every task of the account (as `--discover` does, with its paging and limits) and compares the list
    /// with `manifest`; throws a ``PipelineError`` (``PipelineError/isListingIncomplete``, with advice for
    /// `--coverage`) like discovery when the listing cannot be paged to its end.
    public func coverage(of manifest: Manifest) async throws -> RunSummary.Coverage {
        let tasks = try await listAll(state: nil, incomplete: PipelineError.coverageIncomplete)
        logger.info("coverage listing", metadata: ["listed": "\(tasks.count)"])
        return CoverageCheck.compare(manifest: manifest.entries, listed: tasks)
    }
}
