import Foundation
import Rendering
import ReportModel
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SPEC 8.2 "One run per folder": the `flock` on `.<name>.smsreport-lock` beside `--out`.
@Suite struct FolderLockTests {
    @Test func aSecondRunIntoTheSameFolderStopsAtOnceNamingTheHolder() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let first = try RunFolder.prepare(target, force: false)
        let lockFile = root.appendingPathComponent(".out.smsreport-lock")
        #expect(try String(contentsOf: lockFile, encoding: .utf8) == "\(getpid())\n")
        let start = Date()
        // Another open file description, as another process has: flock conflicts between the two.
        let error = #expect(throws: FolderBusyError.self) { try RunFolder.prepare(target, force: false) }
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(error?.description == "another smsreport run (pid \(getpid())) is writing \(target.path)")
        // The second run made nothing: only the first run's staging folder and the lock are beside the target.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [
                ".out.smsreport-lock", ".out.smsreport-staging-\(getpid())",
            ])
        try first.staging.write("a.csv", bytes: Array("1".utf8))
        _ = try first.publish(RunSummary(toolVersion: "test"), files: ["a.csv"])
        // Still held after publishing (the run's work beside the folder is not over), and never in the set.
        #expect(first.lock.isHeld)
        #expect(throws: FolderBusyError.self) { try RunFolder.prepare(target, force: false) }
        #expect(try RunFolderTests.files(target) == ["SHA256SUMS", "a.csv", "summary.json"])
        first.release()
        #expect(!first.lock.isHeld)
        let second = try RunFolder.prepare(target, force: false)
        second.discard()
        // The lock file stays: deleting it while held would let two runs lock two different files.
        #expect(FileManager.default.fileExists(atPath: lockFile.path))
    }

    @Test func aPlantedSymbolicLinkAtTheLockNameIsNotFollowed() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = root.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let lockFile = root.appendingPathComponent(".out.smsreport-lock")
        try FileManager.default.createSymbolicLink(at: lockFile, withDestinationURL: victim)
        let error = #expect(throws: OutputError.self) {
            try RunFolder.prepare(root.appendingPathComponent("out"), force: false)
        }
        #expect(error?.path == lockFile.path)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: lockFile.path) == victim.path)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }

    @Test func aHardLinkAtTheLockNameIsNotWrittenThrough() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = root.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        #expect(link(victim.path, root.appendingPathComponent(".out.smsreport-lock").path) == 0)
        #expect(throws: OutputError.self) { try RunFolder.prepare(root.appendingPathComponent("out"), force: false) }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
    }
}

extension FolderLockTests {
    @Test func thePlanSaysABusyFolderWouldStopTheRunAndTakesNothing() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        #expect(RunFolder.plan(target, force: false).hasSuffix("(a new folder)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
        let held = try RunFolder.prepare(target, force: false)
        #expect(
            RunFolder.plan(target, force: false)
                == "\(target.path): the run would stop with exit 1: another smsreport run (pid \(getpid())) is writing "
                + target.path)
        held.discard()
        #expect(RunFolder.plan(target, force: false).hasSuffix("(a new folder)"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent(".out.smsreport-staging-\(RunFolderRecoveryTests.deadPID)"),
            withDestinationURL: root)
        #expect(RunFolder.plan(target, force: false).contains("the run would stop: "))
    }
}
