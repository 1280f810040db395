import Foundation
import TestSupport
import Testing

/// The binary reads the manifests Excel writes, and `--manifest-encoding` names only encodings it knows.
@Suite struct ManifestFormatUsageTests {
    /// `run --dry-run` on `manifest` (nothing is called), with `extra` flags.
    static func dryRun(_ manifest: URL, _ extra: [String] = []) async throws -> CommandRunner.Result {
        try await CommandRunner.run(
            ["run", "--manifest", manifest.path, "--endpoint", "http://127.0.0.1:9", "--dry-run"] + extra,
            environment: ["HUAWEICLOUD_AUTH_TOKEN": EndToEndTests.token])
    }

    @Test func aGBKManifestIsReadWithAWarning() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var data = Data("task_id,source_id,source_name\r\nt-1,s-1,".utf8)
        data.append(contentsOf: [0xCA, 0xFD, 0xBE, 0xDD, 0xBF, 0xE2])  // 数据库 in GBK
        data.append(contentsOf: Array("\r\n".utf8))
        let manifest = folder.appendingPathComponent("servers.csv")
        try data.write(to: manifest)
        let result = try await Self.dryRun(manifest)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("servers.csv") && result.stderr.contains("GB18030"), "stderr: \(result.stderr)")
        let forced = try await Self.dryRun(manifest, ["--manifest-encoding", "gbk"])
        #expect(forced.exitCode == 0 && !forced.stderr.contains("GB18030"), "stderr: \(forced.stderr)")
    }

    @Test func anUnknownEncodingNameExits2ListingTheKnownOnes() async throws {
        let folder = try EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("servers.csv")
        try "task_id,source_id,source_name\nt-1,s-1,a\n".write(to: manifest, atomically: true, encoding: .utf8)
        let result = try await Self.dryRun(manifest, ["--manifest-encoding", "latin-9"])
        #expect(result.exitCode == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--manifest-encoding") && result.stderr.contains("gb18030"))
    }
}
