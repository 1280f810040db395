import Foundation
import ReportModel
import TestSupport
import Testing

/// `results.json` is read task by task, in chunks: any chunk size gives the same snapshot as one whole-file
/// decode, and what `run` writes reads back exactly.
@Suite struct ResultsStreamReaderTests {
    /// Strings that end a chunk inside an escape, a surrogate pair, a multi-byte character or a number.
    static let awkward = ResultsDocument.with(
        tasks: [
            ResultsDocument.task(
                id: #"a\"b\\c\/d\u00e9\ud83d\ude00 ] } [ { , :"#, path: "/数据/\\u2028x", total: "9007199254740992"),
            ResultsDocument.task(id: "t2", path: #"\"quoted\" \\\\"#, total: "-5"),
            ResultsDocument.task(id: "t3", path: "/f", total: "12.75"),
            ResultsDocument.task(id: "t4", path: "/e", total: "1e30"),
            #"{"task_id":"t5","extra":{"nested":[1,[2,{"x":"]"}]],"s":"}"},"finished_time":-1,"directories":[]}"#,
            #"{"task_id":"t6","error":{"kind":"http","code":"SMS.6004","message":"gone \ud83d\ude00","#
                + #""http_status":404}}"#,
        ].joined(separator: ",\n  "))

    @Test(arguments: 1...7) func everyChunkSizeReadsTheSame(chunk: Int) throws {
        let expected = try ResultsDocument.decodedWhole(Data(Self.awkward.utf8))
        let snapshot = try ResultsDocument.read(Self.awkward, chunk: chunk)
        #expect(snapshot.tasks == expected.tasks)
        #expect(snapshot.run == expected.run)
        #expect(snapshot.exports == expected.exports)
    }

    @Test func escapesAndSurrogatePairsAreDecoded() throws {
        let snapshot = try ResultsDocument.read(Self.awkward, chunk: 3)
        #expect(snapshot.tasks[0].taskID == "a\"b\\c/dé😀 ] } [ { , :")
        #expect(snapshot.tasks[1].directories[0].path == #""quoted" \\"#)
        #expect(snapshot.tasks[5].error?.message == "gone 😀")
    }

    @Test func countsAreClampedAsBefore() throws {
        let tasks = try ResultsDocument.read(Self.awkward, chunk: 5).tasks
        #expect(tasks[0].directories[0].counts.total == 1 << 53)
        #expect(tasks[1].directories[0].counts.total == 0)
        #expect(tasks[2].directories[0].counts.total == 12)
        #expect(tasks[3].directories[0].counts.total == 1 << 53)
        #expect(tasks[4].finishedTime == -1)
        #expect(tasks[4].verifiedAt == nil)
    }

    @Test(arguments: [1, 4, 7, 1 << 18]) func hostileFixtureRoundTrips(chunk: Int) throws {
        let data = try Fixtures.data("hostile-results.json")
        let whole = try ResultsDocument.decodedWhole(data)
        var limits = ResultsSnapshot.ReadLimits()
        limits.chunkBytes = chunk
        let streamed = try ResultsSnapshot(jsonData: data, limits: limits)
        #expect(try streamed.jsonData() == whole.jsonData())
        let again = try ResultsSnapshot(jsonData: streamed.jsonData(), limits: limits)
        #expect(try again.jsonData() == streamed.jsonData())
        #expect(again.tasks == whole.tasks)
    }

    @Test func theDemoResultsReadBackByteForByte() throws {
        let url = ResultsDocument.samples.appendingPathComponent("results.json")
        let snapshot = try ResultsSnapshot(contentsOf: url, limits: .init(chunkBytes: 7))
        #expect(snapshot.tasks.count == 41)
        #expect(try snapshot.jsonData() == ResultsDocument.decodedWhole(Data(contentsOf: url)).jsonData())
        // What writeJSON writes reads back to the same bytes (the sample predates its final newline).
        let written = try snapshot.jsonData()
        #expect(try ResultsSnapshot(jsonData: written, limits: .init(chunkBytes: 5)).jsonData() == written)
    }

    @Test func keysInAnyOrderAndUnknownKeysAreRead() throws {
        let text =
            #"{"tasks":[\#(ResultsDocument.task())],"future":{"a":[1,2,{"b":null}]},"exports":[],"#
            + #""run":\#(ResultsDocument.run),"schema_version":1}"#
        let snapshot = try ResultsDocument.read(text, chunk: 2)
        #expect(snapshot.tasks.map(\.taskID) == ["t1"])
        #expect(snapshot.run.manifest.name == "m.csv")
    }

    @Test func aByteOrderMarkAndWhiteSpaceAroundAreAccepted() throws {
        let text = "\u{FEFF} \n" + ResultsDocument.with(tasks: ResultsDocument.task()) + "\n\n"
        #expect(try ResultsDocument.read(text, chunk: 1).tasks.count == 1)
    }

    @Test func aFileIsReadInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let tasks = (0..<200).map { ResultsDocument.task(id: "t\($0)", path: "/data/volume-with-a-long-name") }
        try Data(ResultsDocument.with(tasks: tasks.joined(separator: ",")).utf8).write(to: url)
        let snapshot = try ResultsSnapshot(contentsOf: url, source: "r.json", limits: .init(chunkBytes: 100))
        #expect(snapshot.tasks.count == 200)
        #expect(snapshot.tasks.last?.taskID == "t199")
        let missing = url.appendingPathExtension("missing")
        #expect(throws: ResultsSnapshot.ReadError.self) { try ResultsSnapshot(contentsOf: missing) }
    }
}
