import Foundation
import Logging
import Pipeline
import SMSAPI

/// Connection settings after flags, config file and environment are merged (flags win, then the config,
/// then the environment, then defaults).
public struct RunSettings: Sendable {
    /// The connection flags as given (nil: not given).
    public struct Flags: Sendable {
        public var endpoint: String?
        public var region: String?
        public var credentials: String?
        public var iamEndpoint: String?
        public var insecure = false
        public var proxy: String?
        public var caFile: String?
        public var concurrency: Int?
        public var rate: Double?
        public var retries: Int?
        public var timeout: Double?
        /// `--deadline` in seconds.
        public var deadline: Double?
        public var batchSize: Int?

        public init() {}
    }

    public let endpoint: SMSEndpoint
    public let concurrency: Int
    public let rate: Double?
    public let retries: Int
    public let batchSize: Int
    public let insecure: Bool
    /// `--timeout`: one attempt, end to end.
    public let timeout: Duration
    /// `--deadline`, counted from when the settings are made (the start of the run).
    public let runDeadline: Date?
    /// The proxy to go through (`--proxy`, else the environment's for this endpoint); nil = direct.
    public let proxy: SMSProxy?
    /// The extra trusted roots (`--ca-file`, else `SSL_CERT_FILE`), checked to be readable PEM.
    public let caFile: String?
    public let environment: [String: String]
    /// `--credentials`, else `credentials:` in the config, else `auto`.
    public let credentialsMode: CredentialsMode
    /// `--iam-endpoint`.
    public let iamEndpointFlag: String?
    /// The region the project ID is looked up for: `--region`, `region:` in the config, or the region in an
    /// `sms.{region}.myhuaweicloud.com` endpoint; nil for a custom endpoint.
    public let region: String?

    public init(
        connection: Flags, configuration: ReportConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.environment = environment
        if let url = connection.endpoint {
            endpoint = try Self.endpoint(url, source: "--endpoint")
        } else if let region = connection.region {
            endpoint = try Self.region(region, source: "--region")
        } else if let url = configuration.endpoint {
            endpoint = try Self.endpoint(url, source: "endpoint in the config")
        } else if let region = configuration.region {
            endpoint = try Self.region(region, source: "region in the config")
        } else if let url = environment["SMS_ENDPOINT"], !url.isEmpty {
            endpoint = try Self.endpoint(url, source: "SMS_ENDPOINT")
        } else {
            throw ConfigurationError(
                "no endpoint: give --endpoint URL or --region ID, set endpoint: or region: in the config, or set SMS_ENDPOINT"
            )
        }
        region = connection.region ?? configuration.region ?? IAMProjectLookup.region(ofHost: endpoint.host)
        credentialsMode =
            connection.credentials.flatMap(CredentialsMode.init(rawValue:)) ?? configuration.credentials ?? .auto
        iamEndpointFlag = connection.iamEndpoint
        concurrency = connection.concurrency ?? configuration.concurrency ?? 8
        rate = connection.rate ?? configuration.rate
        retries = connection.retries ?? configuration.retries ?? 5
        batchSize = connection.batchSize ?? configuration.batchSize ?? ExportBatch.maximumSize
        insecure = connection.insecure
        timeout = .milliseconds(Int64(((connection.timeout ?? configuration.timeout ?? 60) * 1000).rounded()))
        runDeadline = (connection.deadline ?? configuration.deadline).map { Date().addingTimeInterval($0) }
        do {
            proxy =
                try connection.proxy.map { try SMSProxy(url: $0, source: "--proxy") }
                ?? SMSProxy.fromEnvironment(environment, for: endpoint)
        } catch {
            throw ConfigurationError("\(error)")
        }
        let caSource = connection.caFile != nil ? "--ca-file" : "SSL_CERT_FILE"
        caFile = connection.caFile ?? environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        if let caFile {
            do { try TrustRoots.check(caFile, source: caSource) } catch { throw ConfigurationError("\(error)") }
        }
        // The proxy's password (and its Proxy-Authorization form) is a secret like the credentials.
        SecretRegistry.shared.register(clientConfiguration.secrets)
    }

    /// The credentials from the sources `--credentials` allows, registered for redaction; a missing or malformed
    /// one is a configuration error (exit 2). Nothing is sent: ECS keys and the project ID come in ``prepare``.
    public func credentials(tokenFile: String?) throws -> ResolvedCredentials {
        do {
            let resolved = try CredentialResolver(mode: credentialsMode, environment: environment, tokenFile: tokenFile)
                .resolve()
            SecretRegistry.shared.register(resolved.credentials.secrets)
            // Checked now so that a malformed --iam-endpoint is a usage error before any request.
            _ = try resolved.iamEndpoint(flag: iamEndpointFlag, environment: environment)
            return resolved
        } catch {
            throw ConfigurationError("\(error)")
        }
    }

    /// The credentials to run with: the first ECS key fetched and the project ID looked up in IAM when needed
    /// (exit 1 when either fails).
    public func prepare(_ resolved: ResolvedCredentials, logger: Logger) async throws -> SMSCredentials {
        let iam = try resolved.iamEndpoint(flag: iamEndpointFlag, environment: environment)
        return try await resolved.prepared(region: region, iam: iam, configuration: clientConfiguration, logger: logger)
    }

    public var clientConfiguration: SMSClientConfiguration {
        var configuration = SMSClientConfiguration()
        configuration.retry.maxRetries = retries
        configuration.requestsPerSecond = rate
        configuration.maxConnections = concurrency
        configuration.tlsVerification = !insecure
        configuration.readTimeout = timeout
        configuration.runDeadline = runDeadline
        configuration.proxy = proxy
        configuration.additionalTrustRoots = caFile.map { [$0] } ?? []
        return configuration
    }

    /// The endpoint of region `id`; an ID that is not shaped like one (a URL, a host name) is a usage error.
    private static func region(_ id: String, source: String) throws -> SMSEndpoint {
        guard SMSEndpoint.isPlausibleRegionID(id) else {
            let hint = id.contains(".") || id.contains("/") ? "; give a URL or host with --endpoint" : ""
            throw ConfigurationError(
                "\(source): \(String(reflecting: id)) is not a region ID (lowercase words and a number joined by "
                    + "\"-\", e.g. cn-north-4)\(hint); known regions: "
                    + SMSEndpoint.knownRegions.joined(separator: ", "))
        }
        return SMSEndpoint.region(id)
    }

    private static func endpoint(_ url: String, source: String) throws -> SMSEndpoint {
        do {
            return try SMSEndpoint(url: url)
        } catch {
            throw ConfigurationError("\(source): \(error)")
        }
    }
}
