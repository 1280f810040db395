import Foundation
import Logging

/// What happens once before a run's first SMS request: the first ECS credential and the project ID from IAM.
extension ResolvedCredentials {
    /// The IAM endpoint and where it came from: `flag` (`--iam-endpoint`), `HUAWEICLOUD_SDK_IAM_ENDPOINT`, the
    /// profile's `iam_endpoint`, else ``IAMProjectLookup/defaultEndpoint``.
    public func iamEndpoint(flag: String?, environment: [String: String]) throws -> SMSEndpoint {
        let candidates: [(String?, String)] = [
            (flag, "--iam-endpoint"),
            (environment[IAMProjectLookup.endpointVariable], IAMProjectLookup.endpointVariable),
            (profileIAMEndpoint, "iam_endpoint in the profile file"),
        ]
        for case (let url?, let source) in candidates where !url.isEmpty {
            do {
                return try SMSEndpoint(url: url)
            } catch {
                throw SMSAPIError.invalidRequest("\(source): \(error)")
            }
        }
        return try SMSEndpoint(url: IAMProjectLookup.defaultEndpoint)
    }

    /// The credentials to run with: for `ecs` the first credential is fetched now (so that an instance without an
    /// agency stops the run before it starts), and AK/SK without a project ID get the one IAM has for `region`.
    ///
    /// Throws ``MetadataServiceError`` or ``IAMLookupError`` (exit 1).
    public func prepared(
        region: String?, iam: SMSEndpoint, configuration: SMSClientConfiguration, logger: Logger
    ) async throws -> SMSCredentials {
        if case .metadata(let provider) = credentials {
            _ = try await provider.current()
        }
        guard case .iam(let region) = projectOrigin(region: region) else { return credentials }
        let lookup = IAMProjectLookup(endpoint: iam, region: region)
        let id = try await lookup.projectID(credentials: credentials, configuration: configuration, logger: logger)
        logger.debug("project ID found in IAM", metadata: ["region": "\(region)", "iam": "\(iam.host)"])
        switch credentials {
        case .token: return credentials
        case .accessKey(var keys):
            keys.projectID = id
            return .accessKey(keys)
        case .metadata(let provider):
            await provider.scope(projectID: id)
            return credentials
        }
    }
}
