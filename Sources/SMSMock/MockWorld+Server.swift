import Foundation

extension MockWorld {
    /// The world `mock-server` serves: the JSON file `file`, else a synthetic world of `tasks` tasks, turned to
    /// `epoch`; with `manifest`, its task list (less the last `leavingOut` tasks) is written there as CSV first.
    public static func forServer(
        file: String?, tasks: Int, seed: UInt64, epoch: Int, manifest: String?, leavingOut: Int
    ) throws -> MockWorld {
        var world: MockWorld
        if let file {
            do {
                world = try MockWorld.load(jsonFile: URL(fileURLWithPath: file))
            } catch {
                throw MockServerError(message: "cannot read the world file \(file): \(error)")
            }
        } else {
            world = MockWorld.synthetic(taskCount: tasks, seed: seed)
        }
        world = world.atEpoch(epoch)
        if let manifest {
            do {
                try Data(world.manifestCSV(leavingOut: leavingOut).utf8).write(
                    to: URL(fileURLWithPath: manifest), options: .atomic)
            } catch {
                throw MockServerError(message: "cannot write the manifest \(manifest): \(error)")
            }
        }
        return world
    }
}
