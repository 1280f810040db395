import Foundation
import History
import ReportModel
import Testing

@Suite struct HistoryStoreTests {
    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("history-tests-\(UUID().uuidString)")
            .appendingPathComponent("nested/history.sqlite")
    }

    static func run(_ scope: String, at seconds: Double, _ servers: [(String, String)] = [("a", "consistent")])
        -> RecordedRun
    {
        var totals = RunSummary.Totals()
        totals.servers = servers.count
        for (_, status) in servers { totals.byStatus[status, default: 0] += 1 }
        return RecordedRun(
            scope: scope, startedAt: Date(timeIntervalSince1970: seconds),
            finishedAt: Date(timeIntervalSince1970: seconds + 5), toolVersion: "1.0", manifestSHA256: "ab", exitCode: 3,
            totals: totals,
            servers: servers.map {
                RecordedRun.Server(
                    key: $0.0, name: "name \($0.0)", status: $0.1, inconsistentRuns: $0.1 == "inconsistent" ? 1 : 0,
                    directories: 2, totalFiles: 10, different: 1, missing: 2, extra: 3)
            })
    }

    @Test func firstRunOfAScopeHasNoPreviousAndFoldersAreCreated() throws {
        let file = Self.temporaryFile()
        let store = try HistoryStore(file: file)
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(try store.previousRun(scope: "h m.csv") == nil)
        #expect(try store.runs(scope: nil).isEmpty)
    }

    @Test func recordsRoundTripAndScopesAreKeptApart() throws {
        let store = try HistoryStore(file: Self.temporaryFile())
        let first = Self.run("h one.csv", at: 100, [("a", "inconsistent"), ("b", "accepted")])
        try store.record(first)
        try store.record(Self.run("h two.csv", at: 200))
        #expect(try store.previousRun(scope: "h one.csv") == first)
        #expect(try store.previousRun(scope: "h two.csv")?.startedAt == Date(timeIntervalSince1970: 200))
        #expect(try store.previousRun(scope: "h three.csv") == nil)
        try store.record(Self.run("h one.csv", at: 300))
        #expect(try store.previousRun(scope: "h one.csv")?.startedAt == Date(timeIntervalSince1970: 300))
        #expect(try store.runs(scope: "h one.csv").map(\.startedAt.timeIntervalSince1970) == [300, 100])
        #expect(try store.runs(scope: nil).map(\.scope) == ["h one.csv", "h two.csv", "h one.csv"])
        #expect(try store.runs(scope: nil, limit: 1).count == 1)
    }

    @Test func reopeningKeepsRunsAndMigratesOnce() throws {
        let file = Self.temporaryFile()
        try HistoryStore(file: file).record(Self.run("s", at: 1))
        let reopened = try HistoryStore(file: file)
        #expect(try reopened.runs(scope: "s").count == 1)
    }

    @Test func migratesAnEmptyFile() throws {
        let file = Self.temporaryFile()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        let store = try HistoryStore(file: file)
        try store.record(Self.run("s", at: 1))
        #expect(try store.previousRun(scope: "s")?.servers.count == 1)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let file = Self.temporaryFile()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: file)
        let error = #expect(throws: HistoryError.self) { try HistoryStore(file: file) }
        #expect(error?.description.contains(file.path) == true)
        #expect(error?.description.contains("not a SQLite database") == true)
    }

    /// Two writers on one file at once (two cron jobs): every run of both is recorded and the file stays sound.
    @Test func twoConcurrentWritersNeitherFailNorCorrupt() async throws {
        let file = Self.temporaryFile()
        let perWriter = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    // Each writer opens its own connection pool, as two processes would.
                    let store = try HistoryStore(file: file)
                    for index in 0..<perWriter {
                        let servers = (0..<20).map { ("s\($0)", index % 2 == 0 ? "consistent" : "inconsistent") }
                        try store.record(Self.run("scope-\(writer)", at: Double(index), servers))
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try HistoryStore(file: file)
        #expect(try store.runs(scope: "scope-0").count == perWriter)
        #expect(try store.runs(scope: "scope-1").count == perWriter)
        #expect(try store.previousRun(scope: "scope-1")?.servers.count == 20)
    }
}
