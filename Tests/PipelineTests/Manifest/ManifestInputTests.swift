import Foundation
import Pipeline
import Testing

/// Manifest bytes from files, FIFOs and process substitution, read as streams with a size limit.
@Suite struct ManifestInputTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aRegularFileIsNamedByItsFileName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("tasks.csv")
        try Data("abc".utf8).write(to: url)
        let (data, name) = try ManifestInput(path: url.path).read()
        #expect(data == Data("abc".utf8))
        #expect(name == "tasks.csv")
    }

    @Test func aFIFOIsReadAsAStreamAndNamedByItsPath() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf 'task_id,source_id,source_name\\nt-1,s-1,a\\n' > '\(fifo)'"]
        try writer.run()
        let (data, name) = try ManifestInput(path: fifo).read()
        writer.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self) == "task_id,source_id,source_name\nt-1,s-1,a\n")
        #expect(name == fifo)
    }

    @Test func moreThanTheLimitIsAnError() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("big.csv")
        try Data(repeating: 0x41, count: 3000).write(to: url)
        #expect(throws: ManifestError.self) { try ManifestInput(path: url.path, limit: 2999).read() }
        #expect(try ManifestInput(path: url.path, limit: 3000).read().data.count == 3000)
    }

    @Test func aMissingFileSaysSoAndAFolderIsNoManifest() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("nope.csv").path
        #expect(throws: ManifestError.self) { try ManifestInput(path: missing).read() }
        do {
            _ = try ManifestInput(path: missing).read()
        } catch let error as ManifestError {
            #expect(error.description.contains("No such file or directory"))
        }
        #expect(throws: ManifestError.self) { try ManifestInput(path: folder.path).read() }
    }
}
