import Foundation
import Rendering
import ReportModel
import TestSupport
import Testing

/// One run per folder (SPEC 3): staging, the whole-set swap, foreign files, `summary.json` and `SHA256SUMS`.
@Suite struct RunFolderTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(_ folder: URL) throws -> [String] {
        FolderListing.files(folder)
    }

    /// What `folder` holds besides run locks (`.<name>.smsreport-lock`, which stay: SPEC 8.2).
    static func entries(_ folder: URL) throws -> [String] {
        try FolderListing.entries(folder).sorted()
    }

    /// Stages `files` and publishes them into `target`.
    @discardableResult
    static func run(_ target: URL, _ files: [String: String], force: Bool = false) throws -> RunSummary {
        let folder = try RunFolder.prepare(target, force: force)
        // The lock is held until released; a test publishes many runs in one process.
        defer { folder.release() }
        for (path, text) in files { try folder.staging.write(path, bytes: Array(text.utf8)) }
        return try folder.publish(RunSummary(toolVersion: "test"), files: Array(files.keys))
    }

    @Test func aNewFolderGetsTheSetWithSummaryAndChecksumsLast() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("a/b/out")
        let summary = try Self.run(target, ["r.csv": "x", "exports/en-us/batch-0001.bin": "yz"])
        #expect(try Self.files(target) == ["SHA256SUMS", "exports/en-us/batch-0001.bin", "r.csv", "summary.json"])
        #expect(summary.files.map(\.path) == ["exports/en-us/batch-0001.bin", "r.csv"])
        #expect(
            summary.files[1]
                == RunSummary.FileEntry(
                    path: "r.csv", bytes: 1, sha256: "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881")
        )
        let sums = try String(contentsOf: target.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        #expect(
            sums.split(separator: "\n").map { String($0.split(separator: " ").last!) }
                == ["exports/en-us/batch-0001.bin", "r.csv", "summary.json"])
        #expect(try Self.files(root).filter { $0.contains("smsreport-") } == ["a/b/.out.smsreport-lock"])
    }

    @Test func aSignedRunWritesTheSignatureAfterSHA256SUMSAndTheNextRunReplacesIt() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let folder = try RunFolder.prepare(target, force: false)
        try folder.staging.write("r.csv", bytes: Array("x".utf8))
        let summary = try folder.publish(RunSummary(toolVersion: "test"), files: ["r.csv"]) {
            Data("signed:".utf8) + $0
        }
        folder.release()
        #expect(try Self.files(target) == ["SHA256SUMS", "SHA256SUMS.sig", "r.csv", "summary.json"])
        #expect(summary.files.map(\.path) == ["r.csv"])
        let sums = try Data(contentsOf: target.appendingPathComponent("SHA256SUMS"))
        #expect(try Data(contentsOf: target.appendingPathComponent("SHA256SUMS.sig")) == Data("signed:".utf8) + sums)
        // The signature is the earlier run's file, not a foreign one; an unsigned run leaves none behind.
        try Self.run(target, ["s.csv": "y"])
        #expect(try Self.files(target) == ["SHA256SUMS", "s.csv", "summary.json"])
    }

    @Test func aSecondRunReplacesTheFirstSetAsAWhole() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try Self.run(target, ["zh.html": "1", "exports/zh-cn/batch-0001.bin": "2", "results.json": "{}"])
        try Self.run(target, ["en.csv": "3", "results.json": "{ }"])
        #expect(try Self.files(target) == ["SHA256SUMS", "en.csv", "results.json", "summary.json"])
        #expect(try Self.entries(root) == ["out"])
    }

    @Test func foreignFilesStopTheRunUnlessForceWhichKeepsThem() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: target.appendingPathComponent("notes.txt"))
        #expect(throws: OutputConflictError.self) { try RunFolder.prepare(target, force: false) }
        #expect(try Self.entries(root) == ["out"])
        try Self.run(target, ["a.csv": "1", "exports/x.bin": "2"], force: true)
        try Self.run(target, ["b.csv": "3"], force: true)
        #expect(try Self.files(target) == ["SHA256SUMS", "b.csv", "notes.txt", "summary.json"])
        #expect(try String(contentsOf: target.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func aDiscardedRunLeavesTheEarlierSetAndNoNewFolder() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let fresh = try RunFolder.prepare(root.appendingPathComponent("x/y/out"), force: false)
        try fresh.staging.write("a.csv", bytes: Array("1".utf8))
        fresh.discard()
        // Not even the lock file keeps the folders made for this run (it is deleted while still held).
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
        let target = root.appendingPathComponent("out")
        try Self.run(target, ["old.csv": "1"])
        let second = try RunFolder.prepare(target, force: false)
        try second.staging.write("new.csv", bytes: Array("2".utf8))
        second.discard()
        #expect(try Self.files(target) == ["SHA256SUMS", "old.csv", "summary.json"])
    }

    @Test func aSummaryListingPathsOutsideTheFolderVouchesForNothing() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: root.appendingPathComponent("precious"))
        try Data(#"{"schema_version":1,"files":[{"path":"../precious"},{"path":"a.csv"}]}"#.utf8)
            .write(to: target.appendingPathComponent("summary.json"))
        try Data("1".utf8).write(to: target.appendingPathComponent("a.csv"))
        try Self.run(target, ["b.csv": "2"])
        #expect(try Self.files(target) == ["SHA256SUMS", "b.csv", "summary.json"])
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("precious").path))
    }
}
