import Foundation
import Pipeline
import SMSAPI
import SMSMock
import Testing

/// `mock-server --write-manifest` gives the benchmarks a task list beyond the list API's reach: read back by the
/// manifest reader, it is the world's tasks, in order, names verbatim.
@Suite struct MockManifestTests {
    @Test func theWorldsManifestReadsBackAsItsTasks() throws {
        let world = MockWorld.synthetic(taskCount: 250, seed: 7)
        let manifest = try ManifestReader().read(Data(world.manifestCSV().utf8), name: "mock.csv")
        #expect(manifest.entries.map(\.taskID) == world.tasks.map(\.id))
        #expect(manifest.entries.map(\.sourceName) == world.tasks.map(\.sourceName))
    }

    @Test func namesWithQuotesCommasAndSpacesStayVerbatim() throws {
        let infos = [#"web "01", edge"#, "  db 02 ", "=cmd|x", "数据,1"].enumerated().map {
            TaskInfo(taskID: "t\($0.offset)", sourceID: "s\($0.offset)", sourceName: $0.element)
        }
        let world = MockWorld.synthetic(tasks: infos, seed: 1)
        let manifest = try ManifestReader().read(Data(world.manifestCSV().utf8), name: "mock.csv")
        #expect(manifest.entries.map(\.sourceName) == infos.map(\.sourceName))
        #expect(manifest.entries.map(\.sourceID) == infos.map(\.sourceID))
    }

    /// `mock-server --write-manifest --extra-tasks N`: the last N tasks are left out of the file (the list API
    /// still lists them), for `--coverage`.
    @Test func extraTasksAreLeftOutOfTheManifest() throws {
        let world = MockWorld.synthetic(taskCount: 9, seed: 3)
        let manifest = try ManifestReader().read(Data(world.manifestCSV(leavingOut: 4).utf8), name: "mock.csv")
        #expect(manifest.entries.map(\.taskID) == world.tasks.prefix(5).map(\.id))
        #expect(world.manifestCSV(leavingOut: 0) == world.manifestCSV())
        #expect(world.manifestCSV(leavingOut: 20) == "task_id,source_id,source_name\n")
    }
}
