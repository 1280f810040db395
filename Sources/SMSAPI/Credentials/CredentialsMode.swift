/// Which sources `--credentials` (config `credentials:`) lets the tool use (SPEC 8.1).
public enum CredentialsMode: String, Sendable, Hashable, CaseIterable {
    /// `--token-file`, AK/SK from the environment, `HUAWEICLOUD_AUTH_TOKEN`, then the profile file; never the
    /// metadata service.
    case auto
    /// `--token-file`, else `HUAWEICLOUD_AUTH_TOKEN`.
    case token
    /// AK/SK from the environment.
    case env
    /// The credentials profile file.
    case profile
    /// The ECS instance's agency, through the metadata service.
    case ecs

    /// `auto, token, env, profile, ecs`, for usage messages.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// Which source gave the credentials of a run: the value of `summary.json`'s `credentials_source`.
public enum CredentialsSource: String, Sendable, Hashable, CaseIterable {
    case token
    case env
    case profile
    case ecs
}
