import Testing

@testable import SMSAPI

/// `GET /v3/tasks` bodies and `Content-Disposition` file names.
@Suite struct TaskPageDecodingTests {
    @Test func decodesPage() throws {
        let body = """
            {"count":3,"tasks":[{"id":"t1","name":"n1","state":"MIGRATE_SUCCESS","extra":{},
              "source_server":{"id":"s1","name":"web","ip":"10.0.0.1","os_type":"LINUX"}},
             {"id":"t2","name":null}]}
            """
        let page = try TaskPage.decode(body: Array(body.utf8))
        #expect(page.count == 3)
        #expect(
            page.tasks == [
                MigrationTask(
                    id: "t1", name: "n1", state: "MIGRATE_SUCCESS", sourceID: "s1", sourceName: "web",
                    sourceIP: "10.0.0.1"),
                MigrationTask(id: "t2", name: "", state: "", sourceID: "", sourceName: "", sourceIP: ""),
            ])
    }

    @Test func countDefaultsToTasks() throws {
        #expect(try TaskPage.decode(body: Array(#"{"tasks":[{"id":"a"}]}"#.utf8)).count == 1)
        #expect(try TaskPage.decode(body: Array(#"{"tasks":null}"#.utf8)).tasks.isEmpty)
    }

    @Test(arguments: ["[]", "x", #"{"tasks":{}}"#, #"{"tasks":[{"name":"no id"}]}"#, #"{"count":"x","tasks":[]}"#])
    func rejects(_ body: String) {
        #expect(throws: TaskConsistencyResult.DecodingFailure.self) { try TaskPage.decode(body: Array(body.utf8)) }
    }

    @Test(arguments: [
        (#"attachment; filename="results.xlsx""#, "results.xlsx"),
        ("attachment; filename=results.csv", "results.csv"),
        (#"attachment; filename="a\"b;c.xlsx""#, #"a"b;c.xlsx"#),
        (#"attachment; filename="fallback.xlsx"; filename*=UTF-8''%E7%BB%93%E6%9E%9C.xlsx"#, "结果.xlsx"),
        (#"attachment; filename="../../etc/passwd""#, "../../etc/passwd"),
    ])
    func readsFileName(_ header: String, _ expected: String) {
        #expect(ExportedFile.fileName(contentDisposition: header) == expected)
    }

    @Test func noFileName() {
        #expect(ExportedFile.fileName(contentDisposition: "inline") == nil)
    }
}
