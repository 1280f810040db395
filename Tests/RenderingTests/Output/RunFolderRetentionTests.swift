import Foundation
import Rendering
import ReportModel
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SPEC 8.5 `keep: N`: only the folders smsreport wrote for the same scope go, oldest first.
@Suite struct RunFolderRetentionTests {
    /// Publishes a run of `scope` started at `seconds` into `target`, with an export and a report.
    @discardableResult
    static func publish(_ target: URL, scope: String, at seconds: Double) throws -> RunSummary {
        let folder = try RunFolder.prepare(target, force: false)
        defer { folder.release() }
        try folder.staging.write("exports/en-us/batch-0001.csv", bytes: Array("e".utf8))
        try folder.staging.write("report.html", bytes: Array("<p>".utf8))
        var summary = RunSummary(toolVersion: "test", startedAt: Date(timeIntervalSince1970: seconds))
        summary.scope = scope
        return try folder.publish(summary, files: ["exports/en-us/batch-0001.csv", "report.html"])
    }

    static func names(_ root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func fiveRunsKeepThreeLeavesTheNewestThree() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // Names do not sort by time: started_at decides.
        let days = ["e", "d", "c", "b", "a"].map { root.appendingPathComponent("night-\($0)") }
        for (index, day) in days.enumerated() { try Self.publish(day, scope: "h m.csv", at: Double(1000 * index)) }
        let pruned = try RunFolder.prune(beside: days[4], scope: "h m.csv", keep: 3)
        #expect(pruned.map(\.lastPathComponent) == ["night-e", "night-d"])
        #expect(try Self.names(root) == ["night-a", "night-b", "night-c"])
        // A pruned folder's lock file goes with it; the kept ones keep theirs.
        let hidden = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(Set(hidden) == [".night-a.smsreport-lock", ".night-b.smsreport-lock", ".night-c.smsreport-lock"])
        #expect(try RunFolder.prune(beside: days[4], scope: "h m.csv", keep: 3).isEmpty)
    }

    @Test func foreignFoldersOtherScopesAndLinksAreNeverTouched() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<3 {
            try Self.publish(root.appendingPathComponent("mine-\(index)"), scope: "s", at: Double(index))
        }
        try Self.publish(root.appendingPathComponent("other-scope"), scope: "t", at: -100)
        // An old run folder of the scope with a file smsreport did not write in it.
        let touched = root.appendingPathComponent("mine-touched")
        try Self.publish(touched, scope: "s", at: -50)
        try Data("notes".utf8).write(to: touched.appendingPathComponent("notes.txt"))
        // A folder smsreport never wrote, and a run of the scope outside, reached through a symbolic link.
        let foreign = root.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("jpg".utf8).write(to: foreign.appendingPathComponent("cat.jpg"))
        let outside = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Self.publish(outside.appendingPathComponent("far"), scope: "s", at: -200)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("linked"), withDestinationURL: outside.appendingPathComponent("far"))
        try Data("loose".utf8).write(to: root.appendingPathComponent("loose-file.txt"))
        let pruned = try RunFolder.prune(beside: root.appendingPathComponent("mine-2"), scope: "s", keep: 1)
        #expect(pruned.map(\.lastPathComponent) == ["mine-0", "mine-1"])
        #expect(
            try Self.names(root) == ["linked", "loose-file.txt", "mine-2", "mine-touched", "other-scope", "photos"])
        #expect(try RunFolderTests.files(touched).contains("notes.txt"))
        #expect(try RunFolderTests.files(outside.appendingPathComponent("far")).contains("report.html"))
        #expect(try RunFolderTests.files(foreign) == ["cat.jpg"])
    }

    @Test func theNewFolderIsNeverPrunedAndAHeldFolderIsSkipped() throws {
        let root = try RunFolderTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("today")
        try Self.publish(root.appendingPathComponent("older"), scope: "s", at: 10)
        try Self.publish(root.appendingPathComponent("busy"), scope: "s", at: 20)
        // The new run's clock went back: it is still the one kept.
        try Self.publish(target, scope: "s", at: 1)
        let held = try RunFolder.prepare(root.appendingPathComponent("busy"), force: false)
        defer { held.discard() }
        let pruned = try RunFolder.prune(beside: target, scope: "s", keep: 1)
        #expect(pruned.map(\.lastPathComponent) == ["older"])
        #expect(try Self.names(root) == ["busy", "today"])
    }
}
