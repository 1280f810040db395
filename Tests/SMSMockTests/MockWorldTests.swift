import Foundation
import SMSAPI
import SMSMock
import Testing

/// The synthetic world: deterministic and shaped like a real estate of servers.
@Suite struct MockWorldTests {
    @Test func sameSeedSameWorld() {
        #expect(MockWorld.synthetic(taskCount: 50, seed: 7) == MockWorld.synthetic(taskCount: 50, seed: 7))
        #expect(MockWorld.synthetic(taskCount: 50, seed: 7) != MockWorld.synthetic(taskCount: 50, seed: 8))
    }

    @Test func shape() {
        let world = MockWorld.synthetic(taskCount: 1000, seed: 42)
        #expect(world.tasks.count == 1000)
        #expect(Set(world.tasks.map(\.id)).count == 1000)
        let notVerified = world.tasks.filter { $0.directories.isEmpty }.count
        let inconsistent = world.tasks.filter { task in
            task.directories.contains { $0.different + $0.missingOnTarget + $0.extraOnTarget > 0 }
        }.count
        #expect((20...90).contains(notVerified))
        #expect((60...150).contains(inconsistent))
        #expect(world.tasks.allSatisfy { $0.directories.count <= 12 })
        #expect(world.tasks.allSatisfy { ($0.finishedTime == nil) == $0.directories.isEmpty })
        let tasksPerServer = Dictionary(grouping: world.tasks, by: \.sourceID).values.map(\.count)
        #expect(tasksPerServer.contains(2))
        #expect(world.tasks.contains { $0.sourceName.unicodeScalars.contains { $0.value > 0x4E00 } })
    }

    @Test func givenTasksGetResultsFromTheirIDs() {
        let infos = [
            TaskInfo(taskID: "a", sourceID: "s1", sourceName: "one"),
            TaskInfo(taskID: "b", sourceID: "s2", sourceName: "two"),
        ]
        let forward = MockWorld.synthetic(tasks: infos, seed: 3)
        let backward = MockWorld.synthetic(tasks: infos.reversed(), seed: 3)
        #expect(forward.taskInfos == infos)
        #expect(forward.task(id: "a")?.result == backward.task(id: "a")?.result)
        #expect(forward.task(id: "zzz") == nil)
    }

    @Test func jsonRoundTrip() throws {
        let world = MockWorld.synthetic(taskCount: 20, seed: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("world-\(UUID().uuidString).json")
        try world.jsonData().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try MockWorld.load(jsonFile: file) == world)
    }
}
