import Foundation
import Pipeline
import Testing

@Suite struct ManifestReaderTests {
    let reader = ManifestReader()

    func read(_ text: String, name: String) throws -> Manifest {
        try reader.read(Data(text.utf8), name: name)
    }

    func problems(_ text: String, name: String) -> [String] {
        do {
            _ = try read(text, name: name)
            return []
        } catch let error as ManifestError {
            return error.problems
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func csvAnyColumnOrderExtraColumnsBOMAndQuoting() throws {
        let text =
            "\u{FEFF}owner,source_name,task_id,source_id\r\nops,\"web, \"\"01\"\"\",t-1,s-1\r\nops,数据库,t-2,s-2\r\n"
        let manifest = try read(text, name: "tasks.csv")
        #expect(manifest.entries.map(\.taskID) == ["t-1", "t-2"])
        #expect(manifest.entries[0].sourceName == "web, \"01\"")
        #expect(manifest.entries[1].sourceName == "数据库")
        #expect(manifest.entries[1].location.description == "tasks.csv:3")
        #expect(manifest.info.taskCount == 2)
        #expect(manifest.info.sha256.count == 64)
    }

    @Test func csvProblemsNamePhysicalLines() {
        let longName = String(repeating: "名", count: 300)
        let text = """
            task_id,source_id,source_name
            t-1,s-1,"multi
            line name"
            t-2,s-2,ok

            ,s-5,empty id
            t-6,s-6,\(longName)
            t-7,,
            """
        let found = problems(text, name: "tasks.csv")
        #expect(
            found == [
                "tasks.csv:6: task_id is empty",
                "tasks.csv:7: source_name is 300 characters long (at most 255)",
                "tasks.csv:8: source_id and source_name are both empty (one is needed to group tasks by server)",
            ])
    }

    @Test func csvHeaderMustNameTheColumns() {
        #expect(problems("id,name\n1,a\n", name: "t.csv").first?.hasPrefix("t.csv:1: the header lacks task_id") == true)
    }

    @Test func duplicatesDroppedWithWarningFirstWins() throws {
        let manifest = try read("task_id,source_id,source_name\nt-1,s-1,a\nt-2,s-2,b\nt-1,s-9,z\n", name: "d.csv")
        #expect(manifest.entries.map(\.sourceID) == ["s-1", "s-2"])
        #expect(manifest.warnings == ["d.csv:4: duplicate task_id t-1 dropped (first at d.csv:2)"])
    }

    @Test func jsonArrayAndTaskInfoObject() throws {
        let array = try read(#"[{"task_id":"t-1","source_id":"s-1","source_name":"a","x":1}]"#, name: "m.json")
        #expect(array.entries.map(\.taskID) == ["t-1"])
        let object = try read(#"{"task_info":[{"task_id":"t-2","source_name":"b","source_id":null}]}"#, name: "m.json")
        #expect(object.entries.map(\.sourceName) == ["b"])
        #expect(object.entries[0].location.description == "m.json: entry 0")
    }

    @Test func jsonProblemsNameTheIndex() {
        let found = problems(#"[{"task_id":"t-1","source_id":"s"},{"task_id":5,"source_id":"s"},"x"]"#, name: "m.json")
        #expect(found == ["m.json: entry 1: task_id is not a string", "m.json: entry 2: not an object"])
        #expect(problems("[1,", name: "m.json").first?.hasPrefix("m.json: invalid JSON") == true)
    }

    @Test func yamlListsWithLines() throws {
        let text = """
            # tasks
            - task_id: t-1
              source_id: s-1
              source_name: 服务器
            - task_id: null
              source_id: s-2
            """
        #expect(problems(text, name: "m.yaml") == ["m.yaml:5: entry 1: task_id is empty"])
        let manifest = try read("task_info:\n  - {task_id: '0012', source_id: s, source_name: n}\n", name: "m.yml")
        #expect(manifest.entries.map(\.taskID) == ["0012"])
    }

    @Test func emptyManifestIsAnError() {
        #expect(problems("task_id,source_id,source_name\n", name: "e.csv") == ["e.csv: the manifest holds no task"])
        #expect(problems("[]", name: "e.json") == ["e.json: the manifest holds no task"])
    }

    @Test func stdinFormatIsSniffed() throws {
        #expect(try read(#"[{"task_id":"a","source_id":"b"}]"#, name: "-").entries.count == 1)
        #expect(try read("task_id,source_id,source_name\na,b,c\n", name: "-").entries.count == 1)
        #expect(try read("- {task_id: a, source_id: b}\n", name: "-").entries.count == 1)
    }
}
