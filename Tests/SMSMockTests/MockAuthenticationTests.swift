import Foundation
import SMSAPI
import TestSupport
import Testing

@testable import SMSMock

/// The mock refuses what the real gateway refuses: bad tokens, tampered signatures, stale dates.
@Suite struct MockAuthenticationTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let authenticator = MockAuthenticator(
        options: MockOptions(token: "tok", accessKey: "AK", secretKey: "SK", now: { MockAuthenticationTests.now }))

    static func signed(date: Date = now) -> SignableRequest {
        var request = SignableRequest(
            method: "POST", host: "127.0.0.1:8080", path: "/v3/tasks/consistency-results/export",
            query: [.init("a", "1")],
            headers: [
                .init("Content-Type", "application/json;charset=UTF-8"), .init("X-Language", "en-us"),
                .init("X-Project-Id", "p"),
            ],
            body: Array(#"{"task_info":[]}"#.utf8))
        SDKSigner(accessKey: "AK", secretKey: "SK").sign(&request, date: date)
        return request
    }

    @Test func acceptsAnUntouchedSignature() {
        #expect(Self.authenticator.rejection(of: Self.signed(), rawQuery: "a=1") == nil)
        #expect(Self.authenticator.rejection(of: Self.signed(date: Self.now - 14 * 60), rawQuery: nil) == nil)
    }

    @Test(arguments: [
        "body", "path", "query", "method", "signed header", "unsigned project header", "host", "access key",
        "date skew", "date format", "no auth",
    ])
    func rejectsTampering(_ kind: String) {
        var request = Self.signed()
        switch kind {
        case "body": request.body = Array(#"{"task_info":[{}]}"#.utf8)
        case "path": request.path = "/v3/tasks/other/consistency-result"
        case "query": request.query = [.init("a", "2")]
        case "method": request.method = "PUT"
        case "signed header": request.setHeader("X-Language", "zh-cn")
        case "unsigned project header":
            let authorization = request.header("Authorization")!
            request.setHeader("Authorization", authorization.replacingOccurrences(of: "x-project-id;", with: ""))
        case "host": request.setHeader("Host", "127.0.0.1:9090")
        case "access key":
            request.setHeader(
                "Authorization",
                request.header("Authorization")!.replacingOccurrences(of: "Access=AK", with: "Access=AX"))
        case "date skew": request = Self.signed(date: Self.now - 16 * 60)
        case "date format": request.setHeader("X-Sdk-Date", "2026-11-23T04:05:06Z")
        default: request.headers.removeAll { $0.name == "Authorization" }
        }
        #expect(Self.authenticator.rejection(of: request, rawQuery: nil) != nil, "\(kind)")
    }

    @Test func tokens() {
        let request = SignableRequest(
            method: "GET", host: "h", path: "/v3/tasks", headers: [.init("X-Auth-Token", "tok")])
        #expect(Self.authenticator.rejection(of: request, rawQuery: nil) == nil)
        var wrong = request
        wrong.setHeader("X-Auth-Token", "tok2")
        #expect(Self.authenticator.rejection(of: wrong, rawQuery: nil) != nil)
        let tokenless = MockAuthenticator(options: MockOptions(accessKey: "AK", secretKey: "SK"))
        #expect(tokenless.rejection(of: request, rawQuery: nil) != nil)
    }

    @Test(arguments: ["wrong secret", "skewed clock", "wrong token"])
    func clientsWithBadCredentialsGet401OverHTTP(_ kind: String) async throws {
        let world = MockWorld.synthetic(taskCount: 3, seed: 1)
        let clock = TestClock(start: kind == "skewed clock" ? Date() - 20 * 60 : Date())
        let credentials: SMSCredentials =
            switch kind {
            case "wrong secret": .accessKey(AccessKeyCredentials(accessKey: MockSession.accessKey, secretKey: "other"))
            case "skewed clock":
                .accessKey(AccessKeyCredentials(accessKey: MockSession.accessKey, secretKey: MockSession.secretKey))
            default: .token("not-the-token")
            }
        try await MockSession.run(
            world: world, credentials: credentials, configuration: SMSClientConfiguration(clock: clock.clock),
            logger: LogCapture().logger()
        ) { client, mock in
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: world.tasks[0].id)
            }
            #expect(error.isAuthenticationRejected)
            #expect(error.errorCode == "APIG.0301")
            #expect(error.description.contains("credentials rejected"))
            for secret in MockSession.secrets + ["not-the-token"] { #expect(!error.description.contains(secret)) }
            #expect(mock.counters.snapshot().authenticationRejections == 1)
            #expect(mock.counters.snapshot().totalRequests == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }
}
