import Foundation
import ReportModel
import Testing

/// A snapshot read from `results.json` is held compactly: equal long strings share one storage, directory
/// lists take exactly their room, and the values are unchanged.
@Suite struct SnapshotCompactorTests {
    private static func storage(_ string: String) -> UnsafeRawPointer? {
        var copy = string
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    /// An equal string in storage of its own.
    private static func fresh(_ string: String) -> String { String(decoding: Array(string.utf8), as: UTF8.self) }

    @Test func equalLongPathsShareOneStorage() throws {
        let path = "/data/a-directory-path-longer-than-fifteen-bytes"
        let tasks = (0..<3).map { ResultsDocument.task(id: "t\($0)", path: path) }.joined(separator: ",")
        let snapshot = try ResultsDocument.read(ResultsDocument.with(tasks: tasks), chunk: 5)
        let paths = snapshot.tasks.map { $0.directories[0].path }
        #expect(Set(paths) == [path])
        #expect(Set(paths.map(Self.storage)).count == 1)
    }

    @Test func consecutiveTasksOfOneServerShareItsName() {
        var compactor = SnapshotCompactor()
        let name = "数据库服务器-000123"
        var first = TaskRecord(taskID: "a", sourceID: "31806fb2-0000-4000-8000-000000000001", sourceName: name)
        var second = TaskRecord(
            taskID: "b", sourceID: Self.fresh("31806fb2-0000-4000-8000-000000000001"),
            sourceName: Self.fresh(name))
        #expect(Self.storage(first.sourceName) != Self.storage(second.sourceName))
        compactor.compact(&first)
        compactor.compact(&second)
        #expect(Self.storage(first.sourceName) == Self.storage(second.sourceName))
        #expect(Self.storage(first.sourceID) == Self.storage(second.sourceID))
        #expect(second.sourceName == name)
    }

    @Test func errorMessagesAreInternedAndValuesUnchanged() {
        var compactor = SnapshotCompactor()
        let message = "the task does not exist or you have no permission to read it"
        var tasks = (0..<3).map { index in
            TaskRecord(
                taskID: "t\(index)", sourceID: "s\(index)", sourceName: "n",
                error: TaskError(kind: .http, code: "SMS.6004", message: Self.fresh(message)))
        }
        let before = tasks
        for index in tasks.indices { compactor.compact(&tasks[index]) }
        #expect(tasks == before)
        #expect(Set(tasks.map { Self.storage($0.error!.message) }).count == 1)
    }

    @Test func directoryListsTakeExactlyTheirRoom() throws {
        let directories = (0..<5).map { #"{"dir_check":"/d\#($0)","num_total_files":\#($0)}"# }
        let task = #"{"task_id":"a","directories":[\#(directories.joined(separator: ","))]}"#
        let snapshot = try ResultsDocument.read(ResultsDocument.with(tasks: task))
        #expect(snapshot.tasks[0].directories.count == 5)
        #expect(snapshot.tasks[0].directories.capacity - 5 <= 1)
        #expect(snapshot.tasks[0].directories.map(\.counts.total) == [0, 1, 2, 3, 4])
    }

    @Test func aFullTableKeepsWhatItHoldsAndTakesNoMore() {
        var compactor = SnapshotCompactor(capacity: 1)
        let long = "/a/path/that/is/longer/than/fifteen"
        let other = "/another/long/path/seen/first"
        var tasks = [other, long, long, other].enumerated().map { index, path in
            TaskRecord(
                taskID: "t\(index)", sourceID: "", sourceName: "",
                directories: [DirectoryResult(path: Self.fresh(path), counts: .zero)])
        }
        for index in tasks.indices { compactor.compact(&tasks[index]) }
        #expect(tasks.map { $0.directories[0].path } == [other, long, long, other])
        #expect(Self.storage(tasks[1].directories[0].path) != Self.storage(tasks[2].directories[0].path))
        #expect(Self.storage(tasks[0].directories[0].path) == Self.storage(tasks[3].directories[0].path))
    }

    @Test func aTaskRecordKeepsItsErrorOutOfLine() {
        // Three strings, the time, the directory list and one reference: a summary copies records, not errors.
        #expect(MemoryLayout<TaskRecord>.size <= 80)
        #expect(MemoryLayout<DirectoryResult>.size == 48)
        var task = TaskRecord(
            taskID: "a", sourceID: "s", sourceName: "n", error: TaskError(kind: .transport, message: "m"))
        let copy = task
        task.error?.message = "changed"
        #expect(copy.error?.message == "m")
        #expect(task.error?.message == "changed")
        #expect(task != copy)
        task.error = nil
        #expect(task.outcome == .notVerified)
    }
}
