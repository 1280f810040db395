import AsyncHTTPClient
import Logging

/// One scoped HTTP client per run.
extension SMSClient {
    /// Creates an `HTTPClient` from `configuration.httpClientConfiguration`, runs `body` with an `SMSClient` on it,
    /// and shuts the HTTP client down afterwards, also when `body` throws.
    public static func withClient<Result>(
        endpoint: SMSEndpoint, credentials: SMSCredentials, configuration: SMSClientConfiguration = .init(),
        logger: Logger, _ body: (SMSClient) async throws -> Result
    ) async throws -> Result {
        try await HTTPClient.withHTTPClient(configuration: configuration.httpClientConfiguration) { httpClient in
            try await body(
                SMSClient(
                    httpClient: httpClient, endpoint: endpoint, credentials: credentials, configuration: configuration,
                    logger: logger))
        }
    }
}
