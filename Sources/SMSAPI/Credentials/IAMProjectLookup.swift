import Foundation
import Logging

/// The project ID of a region from IAM, as the official SDKs find it when only AK/SK and a region are known
/// (`GET {iam}/v3/projects?name={region}`, signed with the same keys; SPEC 8.1).
public struct IAMProjectLookup: Sendable {
    /// The IAM endpoint the SDKs use when nothing else is given.
    public static let defaultEndpoint = "https://iam.myhuaweicloud.com"
    /// The variable that names another IAM endpoint.
    public static let endpointVariable = "HUAWEICLOUD_SDK_IAM_ENDPOINT"

    public var endpoint: SMSEndpoint
    public var region: String

    public init(endpoint: SMSEndpoint, region: String) {
        self.endpoint = endpoint
        self.region = region
    }

    /// The region of an `sms.{region}.myhuaweicloud.com` (or `sms-api.{region}.…`) host, nil for any other host.
    public static func region(ofHost host: String) -> String? {
        let parts = host.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "sms" || parts[0] == "sms-api", parts[2] == "myhuaweicloud",
            parts[3] == "com", SMSEndpoint.isPlausibleRegionID(String(parts[1]))
        else { return nil }
        return String(parts[1])
    }

    /// The ID of the one project named ``region``, asked with `credentials` through a client made from
    /// `configuration` (proxy, TLS roots, timeouts and retries as for SMS).
    ///
    /// Throws ``IAMLookupError`` when IAM cannot be reached, refuses the keys, or has no such project.
    public func projectID(
        credentials: SMSCredentials, configuration: SMSClientConfiguration, logger: Logger
    ) async throws -> String {
        let projects: [JSONValue]
        do {
            projects = try await SMSClient.withClient(
                endpoint: endpoint, credentials: credentials, configuration: configuration, logger: logger
            ) { client in
                try await client.projects(named: region)
            }
        } catch let error as SMSAPIError {
            if error.isAuthenticationRejected || error.isPermissionDenied {
                throw IAMLookupError(
                    endpoint: endpoint.url,
                    reason:
                        "it refused the project lookup (HTTP \(error.httpStatus ?? 0)\(error.errorCode.map { " \($0)" } ?? "")); "
                        + "check the AK/SK, or set \(SMSCredentials.Variable.projectID)")
            }
            if error.isTransport || error.isUnknownHost || error.isEndpointDown || error.isDeadlineReached {
                throw IAMLookupError(endpoint: endpoint.url, reason: "unreachable: \(error.errorMessage)")
            }
            throw IAMLookupError(endpoint: endpoint.url, reason: "the project lookup failed: \(error.description)")
        }
        let matching = projects.compactMap { project -> String? in
            guard let fields = project.objectValue, fields["name"]?.textValue == region else { return nil }
            return fields["id"]?.textValue.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let id = matching.first else {
            throw IAMLookupError(
                endpoint: endpoint.url,
                reason: "no project is named \(region) for these keys; check the region, or set "
                    + "\(SMSCredentials.Variable.projectID)")
        }
        return id
    }
}

extension SMSClient {
    /// `GET /v3/projects?name=`: the `projects` array of the answer.
    func projects(named name: String) async throws -> [JSONValue] {
        let answer = try await perform(
            Call(
                name: "iam-projects", method: "GET", path: "/v3/projects", query: [.init("name", name)],
                headers: [.init("Content-Type", "application/json")], task: nil,
                maxBytes: configuration.maxResponseBytes))
        return try decode(answer, task: nil) { body throws(TaskConsistencyResult.DecodingFailure) in
            guard case .object(let root)? = try? JSONValue.parse(body), let projects = root["projects"]?.arrayValue
            else {
                throw TaskConsistencyResult.DecodingFailure(reason: "not an IAM project list ({\"projects\": […]})")
            }
            return projects
        }
    }
}

/// IAM could not give the project ID: the run stops with exit 1 and this message, which names IAM.
public struct IAMLookupError: Error, CustomStringConvertible, Sendable {
    public var endpoint: String
    public var reason: String

    public var description: String { "IAM \(endpoint): \(reason)" }
}
