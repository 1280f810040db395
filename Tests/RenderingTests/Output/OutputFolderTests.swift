import Foundation
import Rendering
import Testing

@Suite struct OutputFolderTests {
    struct Interrupted: Error {}

    @Test func anInterruptedWriteLeavesNoFile() throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        try folder.write("report.csv", bytes: Array("old complete file".utf8))
        #expect(throws: OutputError.self) {
            try folder.stream("report.csv") { sink in
                try sink.write(String(repeating: "x", count: 200_000))
                throw Interrupted()
            }
        }
        #expect(throws: OutputError.self) {
            try folder.stream("new.csv") { sink in
                try sink.write("partial")
                throw Interrupted()
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(names == ["report.csv"])
        #expect(
            try String(contentsOf: folder.url.appendingPathComponent("report.csv"), encoding: .utf8)
                == "old complete file")
    }

    @Test func writesIntoSubfolders() throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let url = try folder.write("exports/en-us/batch-0001.csv", bytes: Array("a,b\r\n".utf8))
        #expect(try Data(contentsOf: url) == Data("a,b\r\n".utf8))
    }

    @Test func anUnwritableFolderIsAnOutputError() {
        #expect(throws: OutputError.self) {
            try OutputFolder(url: URL(fileURLWithPath: "/proc/smsreport-cannot-exist"))
        }
    }
}

extension OutputFolderTests {
    @Test func temporaryFilesOfDeadRunsAreSwept() throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        // A pid far above Linux's default pid_max is never alive.
        let stale = folder.url.appendingPathComponent(".report.html.99999999.12345.tmp")
        let unrelated = folder.url.appendingPathComponent(".keep.tmp")
        try Data("half".utf8).write(to: stale)
        try Data().write(to: unrelated)
        _ = try OutputFolder(url: folder.url)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
    }
}
