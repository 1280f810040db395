import Foundation
import SMSAPI
import TestSupport
import Testing

@testable import Pipeline

// A time limit, so that a client that hangs fails the test instead of hanging the suite.
/// `--discover` pages at the API's largest page size and stops, with advice, on listings it cannot finish.
@Suite(.timeLimit(.minutes(1))) struct DiscoveryLimitsTests {
    /// A list answer with tasks `ids` and `count`.
    static func page(count: Int, ids: Range<Int>) -> HostileServer.Behaviour {
        let tasks = ids.map {
            #"{"id":"t-\#($0)","name":"task \#($0)","state":"RUNNING","#
                + #""source_server":{"id":"s-\#($0)","name":"server \#($0)"}}"#
        }
        let body = #"{"count":\#(count),"tasks":[\#(tasks.joined(separator: ","))]}"#
        return .raw(
            "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
    }

    private func discover(
        _ server: HostileServer, pageSize: Int = TaskPage.maximumLimit, capture: LogCapture = LogCapture()
    ) async throws -> Manifest {
        defer { Task { await server.shutdown() } }
        return try await SMSClient.withClient(
            endpoint: try SMSEndpoint(url: server.url), credentials: .token("tok"),
            configuration: .init(retry: RetryPolicy(maxRetries: 0)), logger: capture.logger()
        ) { client in
            try await Discovery(client: client, logger: capture.logger(), pageSize: pageSize).manifest(state: nil)
        }
    }

    @Test func pagesAtTheLargestDocumentedSizeToTheEnd() async throws {
        let server = try await HostileServer { number in
            Self.page(count: 450, ids: (number * 200)..<min(number * 200 + 200, 450))
        }
        let capture = LogCapture()
        let manifest = try await discover(server, capture: capture)
        #expect(manifest.entries.count == 450)
        // Progress: one line per page, with how far it got.
        let pages = capture.text.filter { $0.contains("discovery page") }
        #expect(pages.count == 3)
        #expect(pages.last?.contains("tasks=450") == true)
        #expect(server.connections == 3)
        #expect(server.requests.allSatisfy { $0.contains("limit=200") })
        #expect(server.requests.last?.contains("offset=400") == true)
    }

    @Test func moreTasksThanTheOffsetLimitReachesStopsAtOnce() async throws {
        let server = try await HostileServer(always: Self.page(count: 70_000, ids: 0..<200))
        let error = try await #require(throws: PipelineError.self) { try await discover(server) }
        #expect(error.isListingIncomplete)
        #expect(error.description.contains("70000 tasks"))
        #expect(error.description.contains("--state"))
        #expect(server.connections == 1)
    }

    @Test func anEmptyPageBeforeTheCountStops() async throws {
        let server = try await HostileServer { number in
            number == 0 ? Self.page(count: 500, ids: 0..<200) : Self.page(count: 500, ids: 0..<0)
        }
        let error = try await #require(throws: PipelineError.self) { try await discover(server) }
        #expect(error.description.contains("empty page at offset 200"))
        #expect(error.description.contains("--manifest"))
    }

    @Test func aServerThatIgnoresTheOffsetStops() async throws {
        let server = try await HostileServer(always: Self.page(count: 500, ids: 0..<200))
        let error = try await #require(throws: PipelineError.self) { try await discover(server) }
        #expect(error.description.contains("already listed"))
        #expect(server.connections == 2)
    }

    @Test func aCountThatKeepsGrowingStops() async throws {
        let server = try await HostileServer { number in
            Self.page(count: (number + 2) * 200, ids: (number * 200)..<(number * 200 + 200))
        }
        let error = try await #require(throws: PipelineError.self) { try await discover(server) }
        #expect(error.description.contains("keeps growing"))
        #expect(server.connections == 6)
    }

    @Test func theRunDeadlinePassingWhileListingSaysSo() async throws {
        let server = try await HostileServer { number in
            number == 0 ? Self.page(count: 500, ids: 0..<200) : .silent
        }
        defer { Task { await server.shutdown() } }
        var configuration = SMSClientConfiguration(retry: RetryPolicy(maxRetries: 0))
        configuration.runDeadline = Date().addingTimeInterval(4)
        let error = try await #require(throws: PipelineError.self) {
            try await SMSClient.withClient(
                endpoint: try SMSEndpoint(url: server.url), credentials: .token("tok"), configuration: configuration,
                logger: LogCapture().logger()
            ) { client in
                try await Discovery(client: client, logger: LogCapture().logger()).manifest(state: nil)
            }
        }
        #expect(error.description.contains("--deadline passed after 200 of 500 tasks were listed"))
    }
}
