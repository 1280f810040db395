import Foundation
import SMSAPI
import TestSupport
import Testing

/// No server at all: a transport error, retried, then reported with the host.
@Suite struct UnreachableEndpointTests {
    @Test func refusedConnectionsAreRetriedThenReported() async throws {
        let clock = TestClock()
        let configuration = SMSClientConfiguration(
            connectTimeout: .milliseconds(200), retry: RetryPolicy(maxRetries: 2), clock: clock.clock)
        let capture = LogCapture()
        try await SMSClient.withClient(
            endpoint: try SMSEndpoint(url: "http://127.0.0.1:1"), credentials: .token("tok-secret"),
            configuration: configuration, logger: capture.logger()
        ) { client in
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: "t-1")
            }
            #expect(error.isTransport)
            #expect(error.description.hasPrefix("Cannot reach the SMS API for task t-1: GET 127.0.0.1:1: "))
            #expect(clock.sleeps.count == 2)
        }
        #expect(capture.text.filter { $0.contains("retrying") }.count == 2)
        #expect(!capture.text.joined().contains("tok-secret"))
    }
}
