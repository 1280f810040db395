import Foundation
import ReportModel
import SMSAPI

/// `--discover`: the account's migration tasks as a manifest, paged through the list API.
public struct Discovery: Sendable {
    public let client: SMSClient

    public init(client: SMSClient) { self.client = client }

    /// Lists tasks (optionally in one `state`) and turns them into manifest entries; finding none is not an error.
    public func manifest(state: String?) async throws -> Manifest {
        let tasks = try await client.allTasks(state: state, pageSize: 100)
        var seen = Set<String>()
        var entries: [ManifestEntry] = []
        for (index, task) in tasks.enumerated() {
            // The list is paged while tasks come and go: a task can show up on two pages.
            guard !task.id.isEmpty, seen.insert(task.id).inserted else { continue }
            entries.append(
                ManifestEntry(
                    taskID: task.id, sourceID: task.sourceID,
                    sourceName: task.sourceName.isEmpty ? task.name : task.sourceName,
                    location: ManifestLocation(file: "discover", index: index)))
        }
        let listing = entries.map { "\($0.taskID)\t\($0.sourceID)\t\($0.sourceName)\n" }.joined()
        let info = ManifestInfo(
            name: state.map { "discover (state \($0))" } ?? "discover", sha256: Manifest.sha256Hex(Data(listing.utf8)),
            taskCount: entries.count)
        return Manifest(entries: entries, info: info)
    }
}
