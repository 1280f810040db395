import Foundation

/// The credentials of a run, where they came from, and where its project ID comes from (SPEC 8.1).
public struct ResolvedCredentials: Sendable {
    /// Where the project ID sent as `X-Project-Id` comes from.
    public enum ProjectOrigin: Sendable, Hashable {
        /// Given with the keys: `HUAWEICLOUD_SDK_PROJECT_ID` or the profile's `project_id`.
        case given(String)
        /// Looked up in IAM for a region, once per run.
        case iam(region: String)
        /// None is sent: a token (the token is scoped), or AK/SK without a region to look one up for.
        case none(String)
    }

    public var credentials: SMSCredentials
    public var source: CredentialsSource
    /// Where the credentials came from, e.g. `profile file /home/ops/.huaweicloud/credentials [basic]`; no value.
    public var origin: String
    /// The profile's `iam_endpoint`, when the profile gave one.
    public var profileIAMEndpoint: String?
    /// True when the profile file's `project_id` gave the project ID (rather than the environment).
    var projectFromProfile = false

    public init(
        credentials: SMSCredentials, source: CredentialsSource, origin: String, profileIAMEndpoint: String? = nil
    ) {
        self.credentials = credentials
        self.source = source
        self.origin = origin
        self.profileIAMEndpoint = profileIAMEndpoint
    }

    /// The given project ID's origin, or nil when the keys came without one.
    var givenProjectOrigin: String? {
        guard case .accessKey(let keys) = credentials, keys.projectID != nil else { return nil }
        return projectFromProfile ? "project_id in the profile file" : SMSCredentials.Variable.projectID
    }

    /// Where the project ID will come from when the run has `region` (nil: none known).
    public func projectOrigin(region: String?) -> ProjectOrigin {
        switch credentials {
        case .token: return .none("a token carries its own scope")
        case .accessKey:
            if let given = givenProjectOrigin { return .given(given) }
        case .metadata(let provider):
            if let given = provider.givenProjectOrigin { return .given(given) }
        }
        guard let region else { return .none("no region to look one up for (give --region)") }
        return .iam(region: region)
    }

    /// `project ID: from IAM for cn-north-4`, for `--dry-run` and `--verbose`; never a value.
    public func projectLine(region: String?) -> String {
        switch projectOrigin(region: region) {
        case .given(let origin): "project ID: from \(origin)"
        case .iam(let region): "project ID: from IAM for \(region)"
        case .none(let why): "project ID: none sent (\(why))"
        }
    }
}
