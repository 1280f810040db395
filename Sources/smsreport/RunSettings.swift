import Foundation
import Pipeline
import SMSAPI

/// Connection settings after flags, config file and environment are merged (flags win, then the config,
/// then the environment, then defaults).
struct RunSettings {
    let endpoint: SMSEndpoint
    let concurrency: Int
    let rate: Double?
    let retries: Int
    let batchSize: Int
    let insecure: Bool
    let environment: [String: String]

    init(
        connection: ConnectionOptions, configuration: ReportConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.environment = environment
        if let url = connection.endpoint {
            endpoint = try Self.endpoint(url, source: "--endpoint")
        } else if let region = connection.region {
            endpoint = SMSEndpoint.region(region)
        } else if let url = configuration.endpoint {
            endpoint = try Self.endpoint(url, source: "endpoint in the config")
        } else if let region = configuration.region {
            endpoint = SMSEndpoint.region(region)
        } else if let url = environment["SMS_ENDPOINT"], !url.isEmpty {
            endpoint = try Self.endpoint(url, source: "SMS_ENDPOINT")
        } else {
            throw ConfigurationError(
                "no endpoint: give --endpoint URL or --region ID, set endpoint: or region: in the config, or set SMS_ENDPOINT")
        }
        concurrency = connection.concurrency ?? configuration.concurrency ?? 8
        rate = connection.rate ?? configuration.rate
        retries = connection.retries ?? configuration.retries ?? 5
        batchSize = connection.batchSize ?? configuration.batchSize ?? ExportBatch.maximumSize
        insecure = connection.insecure
    }

    /// The credentials from `--token-file` or the environment, registered for redaction; a missing or
    /// malformed one is a configuration error (exit 2).
    func credentials(tokenFile: String?) throws -> SMSCredentials {
        do {
            let credentials = try SMSCredentials.resolve(environment: environment, tokenFile: tokenFile)
            SecretRegistry.shared.register(credentials.secrets)
            return credentials
        } catch {
            throw ConfigurationError("\(error)")
        }
    }

    var clientConfiguration: SMSClientConfiguration {
        var configuration = SMSClientConfiguration()
        configuration.retry.maxRetries = retries
        configuration.requestsPerSecond = rate
        configuration.tlsVerification = !insecure
        return configuration
    }

    private static func endpoint(_ url: String, source: String) throws -> SMSEndpoint {
        do {
            return try SMSEndpoint(url: url)
        } catch {
            throw ConfigurationError("\(source): \(error)")
        }
    }
}
