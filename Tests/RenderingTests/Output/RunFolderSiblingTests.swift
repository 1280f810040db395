import Foundation
import Rendering
import ReportModel
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SPEC 8.2: staging and retired names are renamed or deleted only when they are real folders of this user;
/// anything else planted under them stops the run before any request and is left alone.
@Suite struct RunFolderSiblingTests {
    static let deadPID = RunFolderRecoveryTests.deadPID

    /// A folder elsewhere that an attacker wants a root cron job to write into (or to delete).
    static func victim(in root: URL) throws -> URL {
        let victim = root.appendingPathComponent("elsewhere/victim")
        try RunFolderTests.run(victim, ["secret.csv": "keep me"])
        return victim
    }

    @Test(arguments: ["smsreport-old", "smsreport-staging"])
    func aPlantedSymbolicLinkAtADeadPIDNameStopsTheRunAndIsLeftAlone(marker: String) throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = try Self.victim(in: root)
        let before = try RunFolderTests.files(victim)
        let planted = root.appendingPathComponent(".out.\(marker)-\(Self.deadPID)")
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: victim)
        let target = root.appendingPathComponent("out")
        let error = #expect(throws: OutputError.self) { try RunFolder.prepare(target, force: true) }
        #expect(error?.path == planted.path)
        #expect(error?.description.contains("left alone") == true)
        // Not renamed onto --out, not deleted, not followed.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: planted.path) == victim.path)
        var status = stat()
        #expect(lstat(target.path, &status) != 0)
        #expect(try RunFolderTests.files(victim) == before)
        #expect(try String(contentsOf: victim.appendingPathComponent("secret.csv"), encoding: .utf8) == "keep me")
        // The lock was given up again: once the link is gone the folder can be used.
        try FileManager.default.removeItem(at: planted)
        try RunFolderTests.run(target, ["a.csv": "1"])
    }

    @Test func aPlantedFileAtARetiredNameStopsTheRun() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try RunFolderTests.run(target, ["a.csv": "1"])
        let planted = root.appendingPathComponent(".out.smsreport-old-\(Self.deadPID)")
        try Data("not a folder".utf8).write(to: planted)
        #expect(throws: OutputError.self) { try RunFolder.prepare(target, force: false) }
        #expect(try String(contentsOf: planted, encoding: .utf8) == "not a folder")
        #expect(try RunFolderTests.files(target) == ["SHA256SUMS", "a.csv", "summary.json"])
    }

    /// Another user's folder under a staging name: left alone. Needs root to make a folder of another owner.
    @Test func anotherUsersFolderAtAStagingNameStopsTheRun() throws {
        guard geteuid() == 0 else { return }
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let planted = root.appendingPathComponent(".out.smsreport-staging-\(Self.deadPID)")
        try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: planted.appendingPathComponent("theirs.txt"))
        #expect(chown(planted.path, 65_534, 65_534) == 0)
        #expect(throws: OutputError.self) { try RunFolder.prepare(root.appendingPathComponent("out"), force: false) }
        #expect(FileManager.default.fileExists(atPath: planted.appendingPathComponent("theirs.txt").path))
    }

    @Test func aRealRetiredFolderOfADeadRunStillGoesBack() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try RunFolderTests.run(target, ["old.csv": "1"])
        try FileManager.default.moveItem(
            at: target, to: root.appendingPathComponent(".out.smsreport-old-\(Self.deadPID)"))
        let folder = try RunFolder.prepare(target, force: false)
        folder.discard()
        #expect(try RunFolderTests.files(target) == ["SHA256SUMS", "old.csv", "summary.json"])
    }
}
