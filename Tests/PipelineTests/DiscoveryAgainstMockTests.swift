import Foundation
import SMSAPI
import SMSMock
import TestSupport
import Testing

@testable import Pipeline

/// `--discover` against the mock over loopback HTTP: every task once, in the list's order, page after page, and
/// only the tasks in the asked state.
@Suite(.timeLimit(.minutes(1))) struct DiscoveryAgainstMockTests {
    static let world = MockWorld.synthetic(taskCount: 30, seed: 11)

    @Test func pagesThroughEveryTaskInListOrder() async throws {
        try await MockSession.run(world: Self.world, logger: LogCapture().logger()) { client, mock in
            let manifest = try await Discovery(client: client, logger: LogCapture().logger(), pageSize: 8)
                .manifest(state: nil)
            #expect(manifest.entries.map(\.taskInfo) == Self.world.taskInfos)
            #expect(manifest.info.name == "discover" && manifest.info.taskCount == 30)
            // 30 tasks in pages of 8: four pages, the last one reaching the count.
            #expect(mock.counters.snapshot().requestsPerRoute["list-tasks"] == 4)
        }
    }

    @Test func listsOnlyTheTasksInTheState() async throws {
        // Large enough to hold tasks in both states (about 5% are not verified yet, so still RUNNING).
        let world = MockWorld.synthetic(taskCount: 120, seed: 11)
        try await MockSession.run(world: world, logger: LogCapture().logger()) { client, _ in
            let manifest = try await Discovery(client: client, logger: LogCapture().logger()).manifest(state: "RUNNING")
            let running = world.tasks.filter { $0.state == "RUNNING" }.map(\.id)
            #expect(!running.isEmpty && running.count < world.tasks.count)
            #expect(manifest.entries.map(\.taskID) == running)
            #expect(manifest.info.name == "discover (state RUNNING)")
        }
    }
}
