import Logging
import SMSAPI
import SMSMock

/// A running mock API and a client pointed at it over loopback HTTP, for tests.
public enum MockSession {
    /// The access key the session's mock accepts.
    public static let accessKey = "MOCKACCESSKEY0000001"
    public static let secretKey = "mock-secret-key-never-printed"
    public static let token = "mock-token-never-printed"
    public static let securityToken = "mock-security-token-never-printed"

    /// The two ways a client can authenticate against the mock.
    public static let credentialVariants: [SMSCredentials] = [
        .token(token),
        .accessKey(
            AccessKeyCredentials(
                accessKey: accessKey, secretKey: secretKey, securityToken: securityToken, projectID: "p-1")),
    ]

    /// Every secret the session uses: none may show up in logs or errors.
    public static let secrets = [secretKey, token, securityToken]

    /// Options accepting both credential kinds, with `faults`.
    public static func options(faults: MockFaults = MockFaults()) -> MockOptions {
        MockOptions(token: token, accessKey: accessKey, secretKey: secretKey, faults: faults)
    }

    /// Starts the mock on an ephemeral port and runs `body` with a client for it.
    public static func run<T: Sendable>(
        world: MockWorld, options: MockOptions = options(), credentials: SMSCredentials = credentialVariants[1],
        configuration: SMSClientConfiguration = SMSClientConfiguration(), logger: Logger,
        _ body: (SMSClient, RunningMock) async throws -> T
    ) async throws -> T {
        try await MockServer.withRunning(world: world, options: options, logger: logger) { mock in
            try await SMSClient.withClient(
                endpoint: mock.endpoint, credentials: credentials, configuration: configuration, logger: logger
            ) { client in
                try await body(client, mock)
            }
        }
    }
}

extension MockCounters.ExportBatch {
    /// The batch without its task ids, for comparing sizes, languages and statuses.
    public var shape: MockCounters.ExportBatch {
        MockCounters.ExportBatch(size: size, language: language, status: status)
    }
}
