import Foundation
import Logging
import ReportModel
import SMSAPI

/// `--discover`: the account's migration tasks as a manifest, paged through the list API.
///
/// Pages are requested at the API's largest size (200). A listing that cannot be paged to its end stops the run
/// with a ``PipelineError`` that says how to narrow it: more tasks than the API's offset limit reaches, an empty
/// page before the count is reached, a page of tasks already seen, or a count that keeps growing.
public struct Discovery: Sendable {
    public let client: SMSClient
    public let logger: Logger
    /// Tasks per page; the API's largest unless a test asks for less.
    let pageSize: Int

    public init(client: SMSClient, logger: Logger = Logger(label: "smsreport.discovery")) {
        self.init(client: client, logger: logger, pageSize: TaskPage.maximumLimit)
    }

    init(client: SMSClient, logger: Logger, pageSize: Int) {
        self.client = client
        self.logger = logger
        self.pageSize = min(max(pageSize, 1), TaskPage.maximumLimit)
    }

    /// Lists tasks (optionally in one `state`) and turns them into manifest entries; finding none is not an error.
    public func manifest(state: String?) async throws -> Manifest {
        let tasks = try await listAll(state: state)
        var entries: [ManifestEntry] = []
        // `listAll` has dropped the tasks that showed up on two pages (the list is paged while tasks come and go).
        for (index, task) in tasks.enumerated() {
            guard !task.id.isEmpty else { continue }
            entries.append(
                ManifestEntry(
                    taskID: task.id, sourceID: task.sourceID,
                    sourceName: task.sourceName.isEmpty ? task.name : task.sourceName,
                    location: ManifestLocation(file: "discover", index: index)))
        }
        let listing = entries.map { "\($0.taskID)\t\($0.sourceID)\t\($0.sourceName)\n" }.joined()
        let info = ManifestInfo(
            name: state.map { "discover (state \($0))" } ?? "discover", sha256: HexDigest.sha256(Data(listing.utf8)),
            taskCount: entries.count)
        return Manifest(entries: entries, info: info)
    }
}

extension Discovery {
    /// Every task of the listing, page after page; throws ``PipelineError/listingIncomplete(_:)`` (or what
    /// `incomplete` makes of the reason) when the listing cannot be paged to its end.
    func listAll(
        state: String?, incomplete: (String) -> PipelineError = PipelineError.listingIncomplete
    ) async throws -> [MigrationTask] {
        var tasks: [MigrationTask] = []
        var seen: Set<String> = []
        var offset = 0
        var pages = 0
        var firstCount: Int?
        while true {
            let page: TaskPage
            do {
                page = try await client.listTasks(state: state, limit: pageSize, offset: offset)
            } catch let error as SMSAPIError where error.isDeadlineReached {
                throw incomplete(
                    "the run's --deadline passed after \(tasks.count) of \(firstCount.map(String.init) ?? "?") tasks "
                        + "were listed")
            }
            pages += 1
            let count = page.count
            if firstCount == nil {
                firstCount = count
                if count > TaskPage.maximumListable {
                    throw incomplete(
                        "the listing reports \(count) tasks, more than the list API can page through "
                            + "(\(TaskPage.maximumListable): offset at most \(TaskPage.maximumOffset))")
                }
            }
            let fresh = page.tasks.filter { seen.insert($0.id).inserted }
            tasks += fresh
            offset += page.tasks.count
            logger.info(
                "discovery page", metadata: ["page": "\(pages)", "tasks": "\(tasks.count)", "count": "\(count)"])
            if offset >= count { return tasks }
            if page.tasks.isEmpty {
                throw incomplete(
                    "the list API returned an empty page at offset \(offset), before reaching its count of \(count)")
            }
            if fresh.isEmpty {
                throw incomplete(
                    "the list API returned only tasks already listed at offset \(offset - page.tasks.count) "
                        + "(it seems to ignore the offset)")
            }
            // Tasks come and go while the list is paged, so the count may move a little; one that keeps growing
            // past what the first page announced would be paged forever.
            let expectedPages = (firstCount ?? count) / pageSize + 1
            if pages >= expectedPages + 3 || offset > TaskPage.maximumOffset {
                throw incomplete(
                    "the listing keeps growing (count \(firstCount ?? count) at first, \(count) after \(pages) pages)")
            }
        }
    }
}
