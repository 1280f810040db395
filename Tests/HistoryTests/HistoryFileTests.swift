import Foundation
import GRDB
import History
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SPEC 8.2 "History unavailable": a file that is not a history, a lock held too long and a folder that cannot
/// be written each throw one error naming the file and why, and the file is never modified.
@Suite struct HistoryFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("history-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFileOfRandomBytesIsNamedAndLeftByteForByte() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try bytes.write(to: file)
        let error = #expect(throws: HistoryError.self) { try HistoryStore(file: file, busyTimeout: 1) }
        #expect(error?.description.hasPrefix(file.path + ": ") == true)
        #expect(error?.description.contains("not a SQLite database") == true)
        #expect(try Data(contentsOf: file) == bytes)
        // Nothing was opened for writing: no journal of any kind beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["history.sqlite"])
    }

    @Test func aDatabaseOfAnotherProgramIsLeftAlone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        try DatabaseQueue(path: file.path).write { db in
            try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        }
        let before = try Data(contentsOf: file)
        let error = #expect(throws: HistoryError.self) { try HistoryStore(file: file, busyTimeout: 1) }
        #expect(error?.description.contains("another program") == true)
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["history.sqlite"])
    }

    /// A second connection holds `BEGIN EXCLUSIVE` for longer than the busy timeout: the open fails after about
    /// that long, saying why, instead of after the run.
    @Test func aLockHeldPastTheBusyTimeoutIsAClearErrorInTime() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        _ = try HistoryStore(file: file, busyTimeout: 1)
        let holder = try DatabaseQueue(path: file.path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let start = Date()
            let error = #expect(throws: HistoryError.self) { try HistoryStore(file: file, busyTimeout: 1) }
            let elapsed = Date().timeIntervalSince(start)
            #expect(elapsed >= 0.9 && elapsed < 6)
            #expect(error?.description.hasPrefix(file.path + ": ") == true)
            #expect(
                error?.description.contains("locked by another process for longer than the busy timeout of 1 s") == true
            )
        }
        // Once the lock is gone the same file opens again: it was not damaged.
        #expect(try HistoryStore(file: file, busyTimeout: 1).runs(scope: nil).isEmpty)
    }

    @Test func theBusyTimeoutIsAtMostFifteenSeconds() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore(file: folder.appendingPathComponent("h.sqlite"), busyTimeout: 600)
        #expect(store.busyTimeout == HistoryStore.maximumBusyTimeout && HistoryStore.maximumBusyTimeout <= 15)
    }

    @Test func aFolderThatCannotBeCreatedIsNamed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("state")
        try Data("a file where a folder should be".utf8).write(to: blocker)
        let file = blocker.appendingPathComponent("smsreport/history.sqlite")
        let error = #expect(throws: HistoryError.self) { try HistoryStore(file: file, busyTimeout: 1) }
        #expect(error?.description.contains(file.path) == true)
        #expect(error?.description.contains("cannot create its folder") == true)
    }

    /// A folder that cannot be written: mode 0555 for an ordinary user; as root (CI), which ignores modes, a
    /// folder of /proc, where nobody can create a file.
    @Test func aFolderThatCannotBeWrittenIsNamed() throws {
        let scratch = try Self.folder()
        defer {
            chmod(scratch.path, 0o755)
            try? FileManager.default.removeItem(at: scratch)
        }
        let folder: URL
        if geteuid() == 0 {
            folder = URL(fileURLWithPath: "/proc/self/fdinfo")
        } else {
            folder = scratch
            #expect(chmod(scratch.path, 0o555) == 0)
        }
        let file = folder.appendingPathComponent("history.sqlite")
        let error = #expect(throws: HistoryError.self) { try HistoryStore(file: file, busyTimeout: 1) }
        #expect(error?.description.hasPrefix(file.path + ": ") == true)
        #expect(error?.description.contains("writ") == true)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func noUsableHomeIsAValueNotAThrow() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        let failure = HistoryLocation.resolve(environment: [:], passwdHome: missing)
        guard case .failure(let error) = failure else {
            Issue.record("resolved without a home: \(failure)")
            return
        }
        #expect(error.description.contains("the passwd home \(missing) is not an existing folder"))
        guard case .failure(let none) = HistoryLocation.resolve(environment: ["HOME": ""], passwdHome: nil) else {
            Issue.record("resolved without any home")
            return
        }
        #expect(none.description.contains("--history FILE"))
        // A home that does not exist is never created: HOME names it, it does not exist, nothing resolves.
        guard case .failure = HistoryLocation.resolve(environment: ["HOME": missing], passwdHome: "/") else {
            Issue.record("resolved under a missing HOME")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func theDefaultLocationFollowsXDGThenHomeThenPasswd() throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let expected = home.appendingPathComponent(".local/state/smsreport/history.sqlite").path
        #expect(
            try HistoryLocation.resolve(environment: ["XDG_STATE_HOME": "/state", "HOME": home.path]).get().path
                == "/state/smsreport/history.sqlite")
        #expect(try HistoryLocation.resolve(environment: ["HOME": home.path], passwdHome: nil).get().path == expected)
        #expect(
            try HistoryLocation.resolve(environment: ["XDG_STATE_HOME": "relative", "HOME": home.path]).get().path
                == expected)
        #expect(try HistoryLocation.resolve(environment: [:], passwdHome: home.path).get().path == expected)
    }
}
