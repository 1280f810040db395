import Foundation

/// Finds a run's credentials in the sources `--credentials` allows, in SPEC 8.1's order; nothing is sent.
public struct CredentialResolver: Sendable {
    public var mode: CredentialsMode
    public var environment: [String: String]
    /// `--token-file`.
    public var tokenFile: String?
    /// Where the ECS provider registers the secrets it fetches.
    public var registry: SecretRegistry

    public init(
        mode: CredentialsMode, environment: [String: String], tokenFile: String?, registry: SecretRegistry = .shared
    ) {
        self.mode = mode
        self.environment = environment
        self.tokenFile = tokenFile
        self.registry = registry
    }

    /// The credentials of the first source that has them; throws ``SMSAPIError`` (a usage error: missing or
    /// malformed credentials) naming the file or variable and never a value.
    ///
    /// `ecs` makes no request here: the provider fetches on first use.
    public func resolve() throws -> ResolvedCredentials {
        switch mode {
        case .auto:
            if let found = try fromToken(fileOnly: true) ?? fromEnvironment() ?? fromToken(fileOnly: false) {
                return found
            }
            if let location = CredentialProfile.locate(environment: environment) { return try fromProfile(location) }
            throw SMSAPIError.missingCredentials(
                "no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK), "
                    + "optionally HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_DOMAIN_ID and "
                    + "HUAWEICLOUD_SDK_SECURITY_TOKEN; or set HUAWEICLOUD_AUTH_TOKEN or pass --token-file PATH; or "
                    + "write a profile file (\(CredentialProfile.defaultPath(environment: environment)), mode 600, or "
                    + "\(CredentialProfile.Variable.file)); on an ECS instance with an agency use --credentials ecs")
        case .token:
            if let found = try fromToken(fileOnly: false) { return found }
            throw SMSAPIError.missingCredentials(
                "--credentials token: pass --token-file PATH or set \(SMSCredentials.Variable.token)")
        case .env:
            if let found = try fromEnvironment() { return found }
            throw SMSAPIError.missingCredentials(
                "--credentials env: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK)")
        case .profile:
            guard let location = CredentialProfile.locate(environment: environment) else {
                throw SMSAPIError.missingCredentials(
                    "--credentials profile: the credentials profile file "
                        + "\(CredentialProfile.defaultPath(environment: environment)) does not exist; write it (mode "
                        + "600) or set \(CredentialProfile.Variable.file)")
            }
            return try fromProfile(location)
        case .ecs:
            let provider = MetadataCredentialProvider(
                endpoint: MetadataCredentialProvider.endpoint(environment: environment),
                projectID: try SMSCredentials.value(SMSCredentials.Variable.projectID, in: environment),
                domainID: try SMSCredentials.value(SMSCredentials.Variable.domainID, in: environment),
                registry: registry, timeout: MetadataCredentialProvider.timeout(environment: environment))
            return ResolvedCredentials(credentials: .metadata(provider), source: .ecs, origin: provider.description)
        }
    }

    /// `--token-file`, or with `fileOnly` false also `HUAWEICLOUD_AUTH_TOKEN`.
    private func fromToken(fileOnly: Bool) throws -> ResolvedCredentials? {
        if let tokenFile {
            return ResolvedCredentials(
                credentials: .token(try SMSCredentials.readToken(path: tokenFile)), source: .token,
                origin: "token file \(tokenFile)")
        }
        guard !fileOnly, let token = try SMSCredentials.token(environment: environment) else { return nil }
        return ResolvedCredentials(
            credentials: .token(token), source: .token, origin: "environment (\(SMSCredentials.Variable.token))")
    }

    private func fromEnvironment() throws -> ResolvedCredentials? {
        guard let keys = try SMSCredentials.accessKey(environment: environment) else { return nil }
        let names = [SMSCredentials.Variable.accessKey, SMSCredentials.Variable.secretKey].compactMap {
            SMSCredentials.named($0, in: environment)?.name
        }
        let kind = keys.securityToken == nil ? "AK/SK" : "temporary AK/SK"
        return ResolvedCredentials(
            credentials: .accessKey(keys), source: .env,
            origin: "environment (\(kind) from \(names.joined(separator: ", ")))")
    }

    private func fromProfile(_ location: CredentialProfile.Location) throws -> ResolvedCredentials {
        let profile = try CredentialProfile.load(location)
        var keys = profile.keys
        // The scope variables apply to the profile's keys as they do to the environment's.
        keys.domainID = try SMSCredentials.value(SMSCredentials.Variable.domainID, in: environment)
        if keys.projectID == nil {
            keys.projectID = try SMSCredentials.value(SMSCredentials.Variable.projectID, in: environment)
        }
        var resolved = ResolvedCredentials(
            credentials: .accessKey(keys), source: .profile, origin: profile.description,
            profileIAMEndpoint: profile.iamEndpoint)
        resolved.projectFromProfile = profile.projectID != nil
        return resolved
    }
}
