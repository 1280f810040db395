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
        #expect(try String(contentsOf: folder.url.appendingPathComponent("report.csv"), encoding: .utf8) == "old complete file")
    }

    @Test func writesIntoSubfolders() throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let url = try folder.write("exports/en-us/batch-0001.csv", bytes: Array("a,b\r\n".utf8))
        #expect(try Data(contentsOf: url) == Data("a,b\r\n".utf8))
    }

    @Test func anUnwritableFolderIsAnOutputError() {
        #expect(throws: OutputError.self) { try OutputFolder(url: URL(fileURLWithPath: "/proc/smsreport-cannot-exist")) }
    }
}
