import Foundation
import TestSupport
import Testing

/// The binary works when copied away from its build folder: templates and samples are compiled in.
@Suite struct InstalledBinaryTests {
    /// Copies the built binary into a fresh folder and returns that copy.
    static func copiedBinary(into folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent("bin/smsreport")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.binary, to: copy)
        return copy
    }

    @Test func aCopiedBinaryRunsTheDemoFromAnotherFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = try Self.copiedBinary(into: folder)
        let result = try await CommandRunner.run(
            ["demo", "--out", "reports", "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1790000000"],
            directory: folder, executable: copy)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("resource bundle"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("reports").path)
        #expect(written.contains("handover-zh.html"), "written: \(written)")
        #expect(written.contains("ticket-en.csv"), "written: \(written)")
        let html = try String(contentsOf: folder.appendingPathComponent("reports/handover-zh.html"), encoding: .utf8)
        #expect(html.contains("未校验") || html.contains("一致"), "the zh-cn string table came from the binary")
    }

    @Test func theBinaryNamesNoResourceBundleOrSourceFolder() throws {
        let binary = try Data(contentsOf: CommandRunner.binary)
        // SwiftPM's generated accessor compiles the bundle's absolute build path into the binary; none may be left.
        for needle in ["ReportTemplates.resources", "ReportTemplates.bundle"] {
            #expect(binary.range(of: Data(needle.utf8)) == nil, "the binary still refers to \(needle)")
        }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples").path
        #expect(binary.range(of: Data(samples.utf8)) == nil, "the binary still looks for \(samples)")
    }
}
