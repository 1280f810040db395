import Foundation
import Logging
import SMSAPI
import SMSMock
import Testing

/// The ECS credential provider against the mock's metadata service over loopback: the session-token flow, the
/// 5-minute refresh margin on a controlled clock, one fetch for concurrent callers, and redaction (SPEC 8.1).
@Suite struct MetadataCredentialProviderTests {
    /// A clock the test moves forward.
    final class Offset: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds: TimeInterval = 0
        func advance(to value: TimeInterval) { lock.withLock { seconds = value } }
        var now: Date { lock.withLock { Date().addingTimeInterval(seconds) } }
    }

    /// Longer than the tool's 3 s: the mock shares this process with the other tests, which may starve it.
    static let timeout = Duration.seconds(30)

    static func withMetadata<T: Sendable>(
        _ metadata: MockMetadata, _ body: (RunningMock, String) async throws -> T
    ) async throws -> T {
        try await MockServer.withRunning(
            world: MockWorld(tasks: []), options: MockOptions(metadata: metadata),
            logger: Logger(label: "mock") { _ in SwiftLogNoOpLogHandler() }
        ) { mock in try await body(mock, mock.endpoint.url) }
    }

    @Test func aKeyIsKeptUntilFiveMinutesBeforeItExpires() async throws {
        try await Self.withMetadata(MockMetadata(keyLifetime: .seconds(3600))) { mock, url in
            let clock = Offset()
            let provider = MetadataCredentialProvider(
                endpoint: url, projectID: "p-1", registry: SecretRegistry(), timeout: Self.timeout, now: { clock.now })
            let first = try await provider.current()
            #expect(first.projectID == "p-1" && first.securityToken == mock.issued.issued[0].securityToken)
            clock.advance(to: 3600 - 302)
            let again = try await provider.current()
            #expect(again == first)
            clock.advance(to: 3600 - 298)
            let second = try await provider.current()
            #expect(second.accessKey != first.accessKey)
            #expect(mock.issued.issued.count == 2)
            // One session token serves both fetches.
            #expect(mock.counters.snapshot().requestsPerRoute["metadata-token"] == 1)
            #expect(await provider.fetches == 2)
        }
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        try await Self.withMetadata(MockMetadata()) { mock, url in
            let provider = MetadataCredentialProvider(endpoint: url, registry: SecretRegistry(), timeout: Self.timeout)
            let keys = try await withThrowingTaskGroup(of: AccessKeyCredentials.self) { group in
                for _ in 0..<20 { group.addTask { try await provider.current() } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1.accessKey) }
            }
            #expect(keys.count == 1)
            #expect(mock.issued.issued.count == 1)
        }
    }

    @Test func aRefusedSessionTokenIsRenewedOnce() async throws {
        try await Self.withMetadata(MockMetadata(keyLifetime: .seconds(3600), sessionTokenUses: 1)) { mock, url in
            let clock = Offset()
            let provider = MetadataCredentialProvider(
                endpoint: url, registry: SecretRegistry(), timeout: Self.timeout, now: { clock.now })
            _ = try await provider.current()
            clock.advance(to: 3600)
            _ = try await provider.current()
            let routes = mock.counters.snapshot().requestsPerRoute
            #expect(routes["metadata-token"] == 2)
            #expect(routes["metadata-securitykey"] == 3)
        }
    }

    @Test func withoutSessionTokensTheKeyIsAskedForWithoutOne() async throws {
        try await Self.withMetadata(MockMetadata(mode: .noSessionToken)) { mock, url in
            let provider = MetadataCredentialProvider(endpoint: url, registry: SecretRegistry(), timeout: Self.timeout)
            let keys = try await provider.current()
            #expect(keys.accessKey == mock.issued.issued[0].accessKey)
            #expect(mock.issued.issuedSessionTokens.isEmpty)
        }
    }

    @Test func noAgencyIsAnErrorNamingTheServiceAndTheFix() async throws {
        try await Self.withMetadata(MockMetadata(mode: .noAgency)) { mock, url in
            let provider = MetadataCredentialProvider(endpoint: url, registry: SecretRegistry(), timeout: Self.timeout)
            await #expect {
                _ = try await provider.current()
            } throws: { error in
                "\(error)".contains("ECS metadata service \(url): this instance has no agency")
                    && "\(error)".contains("bind an agency")
            }
            #expect(mock.counters.snapshot().requestsPerRoute["metadata-securitykey"] == 1)
        }
    }

    @Test func everySecretItLearnsIsRegistered() async throws {
        try await Self.withMetadata(MockMetadata()) { mock, url in
            let registry = SecretRegistry()
            let provider = MetadataCredentialProvider(endpoint: url, registry: registry, timeout: Self.timeout)
            let keys = try await provider.current()
            let expected = [keys.secretKey, keys.securityToken!] + mock.issued.issuedSessionTokens
            #expect(Set(registry.redactor.secrets) == Set(expected))
            #expect(Set(provider.secrets) == Set(expected))
            #expect(!registry.redact("sk=\(keys.secretKey)").contains(keys.secretKey))
            #expect(SMSCredentials.metadata(provider).description == "ECS agency via the metadata service \(url)")
        }
    }
}
