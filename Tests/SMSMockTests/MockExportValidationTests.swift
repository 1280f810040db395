import Foundation
import SMSAPI
import SMSMock
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Requests the client never sends, sent raw: the mock must refuse them as the API does.
@Suite struct MockExportValidationTests {
    static let world = MockWorld.synthetic(taskCount: 3, seed: 4)

    /// Sends `body` to the export route with token auth; returns the status and the decoded error body.
    static func export(port: Int, body: Data, language: String?) async throws -> (Int, SMSErrorBody?) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v3/tasks/consistency-results/export")!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json;charset=UTF-8", forHTTPHeaderField: "Content-Type")
        request.setValue(MockSession.token, forHTTPHeaderField: "X-Auth-Token")
        if let language { request.setValue(language, forHTTPHeaderField: "X-Language") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, SMSErrorBody(bytes: Array(data)))
    }

    static func batch(_ count: Int) -> Data {
        let entries = (0..<count).map { #"{"task_id":"t\#($0)","source_id":"s","source_name":"n"}"# }
        return Data(#"{"task_info":[\#(entries.joined(separator: ","))]}"#.utf8)
    }

    @Test(arguments: [
        ("malformed JSON", Data(#"{"task_info":[{"#.utf8), "en-us", "SMS.0201"),
        ("not an array", Data(#"{"task_info":{}}"#.utf8), "en-us", "SMS.0201"),
        (
            "field too long", Data(#"{"task_info":[{"task_id":"\#(String(repeating: "x", count: 256))"}]}"#.utf8),
            "en-us", "SMS.0201"
        ),
        ("201 entries", batch(201), "en-us", "SMS.0202"),
        ("unknown language", batch(1), "fr-fr", "SMS.0205"),
    ])
    func refuses(_ name: String, _ body: Data, _ language: String, _ code: String) async throws {
        try await MockServer.withRunning(
            world: Self.world, options: MockSession.options(), logger: LogCapture().logger()
        ) { mock in
            let (status, error) = try await Self.export(port: mock.port, body: body, language: language)
            #expect(status == 400, "\(name)")
            #expect(error?.code == code, "\(name)")
            // Unreadable bodies are not batches; readable but refused ones are recorded with their 400.
            #expect(mock.counters.snapshot().exportBatches.map(\.status) == (code == "SMS.0201" ? [] : [400]))
        }
    }

    @Test func acceptsTheLimitAndDefaultsToEnglish() async throws {
        try await MockServer.withRunning(
            world: Self.world, options: MockSession.options(), logger: LogCapture().logger()
        ) { mock in
            let (status, _) = try await Self.export(port: mock.port, body: Self.batch(200), language: nil)
            #expect(status == 200)
            let (empty, _) = try await Self.export(port: mock.port, body: Self.batch(0), language: "zh-cn")
            #expect(empty == 200)
            #expect(
                mock.counters.snapshot().exportBatches.map(\.shape)
                    == [
                        MockCounters.ExportBatch(size: 200, language: "en-us"),
                        MockCounters.ExportBatch(size: 0, language: "zh-cn"),
                    ])
        }
    }

    @Test func acknowledgementOnly() async throws {
        let options = MockSession.options(faults: MockFaults(exportAcknowledgementOnly: true))
        try await MockSession.run(world: Self.world, options: options, logger: LogCapture().logger()) { client, _ in
            let exported = try await client.exportConsistencyResults(Self.world.taskInfos, language: "en-us")
            #expect(exported.body == Array("{}".utf8))
            #expect(exported.fileNameHint == nil)
        }
    }

    @Test func countersRouteNeedsNoCredentials() async throws {
        try await MockServer.withRunning(
            world: Self.world, options: MockSession.options(), logger: LogCapture().logger()
        ) { mock in
            let (data, _) = try await URLSession.shared.data(
                from: URL(string: "http://127.0.0.1:\(mock.port)/_mock/counters")!)
            let snapshot = try JSONDecoder().decode(MockCounters.Snapshot.self, from: data)
            #expect(snapshot == mock.counters.snapshot())
        }
    }
}
