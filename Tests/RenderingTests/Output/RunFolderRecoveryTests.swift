import Foundation
import Rendering
import ReportModel
import Testing

/// The crash windows of docs/output-folder.md: what a killed run leaves, and what the next run makes of it.
@Suite struct RunFolderRecoveryTests {
    /// A process id no process has (above Linux's largest pid_max).
    static let deadPID: Int32 = 2_147_483_000

    @Test func aSwapKilledBetweenItsRenamesGetsTheEarlierSetBack() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try RunFolderTests.run(target, ["old.csv": "1"])
        // The fallback swap renamed the target away and died before moving the new set in.
        let retired = root.appendingPathComponent(".out.smsreport-old-\(Self.deadPID)")
        try FileManager.default.moveItem(at: target, to: retired)
        let staged = root.appendingPathComponent(".out.smsreport-staging-\(Self.deadPID)")
        try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: staged.appendingPathComponent("new.csv"))
        let folder = try RunFolder.prepare(target, force: false)
        #expect(try RunFolderTests.files(target) == ["SHA256SUMS", "old.csv", "summary.json"])
        folder.discard()
        #expect(try RunFolderTests.entries(root) == ["out"])
    }

    @Test func aStaleStagingFolderOfALiveRunIsLeftAlone() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let parentPID = getppid()
        let live = root.appendingPathComponent(".out.smsreport-staging-\(parentPID)")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        let folder = try RunFolder.prepare(root.appendingPathComponent("out"), force: false)
        folder.discard()
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    @Test func staleTemporaryFilesOfTheAtomicWriterAreNotForeign() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try RunFolderTests.run(target, ["a.csv": "1"])
        try Data("partial".utf8).write(to: target.appendingPathComponent(".a.csv.\(Self.deadPID).77.tmp"))
        try RunFolderTests.run(target, ["b.csv": "2"])
        #expect(try RunFolderTests.files(target) == ["SHA256SUMS", "b.csv", "summary.json"])
    }

    @Test func carryOverKeepsTheEarlierExportsInTheNewSet() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try RunFolderTests.run(target, ["exports/en-us/batch-0001.csv": "e", "results.json": "{}", "a.csv": "1"])
        let folder = try RunFolder.prepare(target, force: false)
        defer { folder.release() }
        let carried = try folder.carryOver(prefix: "exports/")
        try folder.staging.write("results.json", bytes: Array("{}".utf8))
        let summary = try folder.publish(RunSummary(toolVersion: "t"), files: carried + ["results.json"])
        #expect(summary.files.map(\.path) == ["exports/en-us/batch-0001.csv", "results.json"])
        #expect(
            try String(contentsOf: target.appendingPathComponent("exports/en-us/batch-0001.csv"), encoding: .utf8)
                == "e")
    }

    @Test func thePlanDescribesTheFolderWithoutTouchingIt() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        #expect(RunFolder.plan(target, force: false).hasSuffix("(a new folder)"))
        try RunFolderTests.run(target, ["a.csv": "1"])
        #expect(RunFolder.plan(target, force: false).contains("replaces the earlier run's 3 files"))
        try Data().write(to: target.appendingPathComponent("mine.txt"))
        #expect(RunFolder.plan(target, force: false).contains("would stop with exit 2"))
        #expect(RunFolder.plan(target, force: true).contains("--force writes beside them"))
        #expect(try RunFolderTests.entries(root) == ["out"])
    }
}
