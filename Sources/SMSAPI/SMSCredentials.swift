import Foundation

/// How requests prove who sends them: an IAM token or an access key pair.
public enum SMSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// An IAM user token, sent as `X-Auth-Token`.
    case token(String)
    /// An access key pair; every request is signed with `SDK-HMAC-SHA256`.
    case accessKey(AccessKeyCredentials)
    /// The ECS agency's temporary access keys, asked for before every request (SPEC 8.1).
    case metadata(MetadataCredentialProvider)

    /// The environment names read by `resolve`, in the order they are tried.
    public enum Variable {
        public static let token = "HUAWEICLOUD_AUTH_TOKEN"
        public static let accessKey = ["HUAWEICLOUD_SDK_AK", "CLOUD_SDK_AK"]
        public static let secretKey = ["HUAWEICLOUD_SDK_SK", "CLOUD_SDK_SK"]
        public static let projectID = "HUAWEICLOUD_SDK_PROJECT_ID"
        public static let domainID = "HUAWEICLOUD_SDK_DOMAIN_ID"
        public static let securityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN"
    }

    /// From --token-file or the environment names in SPEC 1; throws SMSAPIError with a message naming the
    /// variables to set.
    ///
    /// An explicit token file wins; then an access key pair; then `HUAWEICLOUD_AUTH_TOKEN`.
    ///
    /// Every credential used is checked first (``checked(_:source:)``): an inner space or control character
    /// is an error naming the variable or `file:line`, never the value.
    public static func resolve(environment: [String: String], tokenFile: String?) throws -> SMSCredentials {
        if let tokenFile {
            return .token(try readToken(path: tokenFile))
        }
        if let keys = try accessKey(environment: environment) { return .accessKey(keys) }
        if let token = try token(environment: environment) { return .token(token) }
        throw SMSAPIError.missingCredentials(
            "no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK), "
                + "optionally HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_DOMAIN_ID and "
                + "HUAWEICLOUD_SDK_SECURITY_TOKEN; "
                + "or set HUAWEICLOUD_AUTH_TOKEN or pass --token-file PATH")
    }

    /// The first of `names` set to a non-empty value, trimmed: surrounding whitespace (a trailing newline from
    /// `export X=$(cat file)`) is dropped and an empty value counts as unset, so messages name what to set.
    static func named(_ names: [String], in environment: [String: String]) -> (name: String, value: String)? {
        for name in names {
            if let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty {
                return (name, raw)
            }
        }
        return nil
    }

    /// `name`'s checked value, nil when unset.
    static func value(_ name: String, in environment: [String: String]) throws -> String? {
        guard let found = named([name], in: environment) else { return nil }
        return try checked(found.value, source: found.name)
    }

    /// The AK/SK pair of the environment with its scope and security token; nil when neither key is set, an error
    /// naming the missing variable when only one is.
    static func accessKey(environment: [String: String]) throws -> AccessKeyCredentials? {
        let accessKey = named(Variable.accessKey, in: environment)
        let secretKey = named(Variable.secretKey, in: environment)
        switch (accessKey, secretKey) {
        case (let ak?, let sk?):
            return AccessKeyCredentials(
                accessKey: try checked(ak.value, source: ak.name), secretKey: try checked(sk.value, source: sk.name),
                securityToken: try value(Variable.securityToken, in: environment),
                projectID: try value(Variable.projectID, in: environment),
                domainID: try value(Variable.domainID, in: environment))
        case (_?, nil):
            throw SMSAPIError.missingCredentials(
                "an access key is set but no secret key: set HUAWEICLOUD_SDK_SK (or CLOUD_SDK_SK)")
        case (nil, _?):
            throw SMSAPIError.missingCredentials(
                "a secret key is set but no access key: set HUAWEICLOUD_SDK_AK (or CLOUD_SDK_AK)")
        case (nil, nil):
            return nil
        }
    }

    /// `HUAWEICLOUD_AUTH_TOKEN`, checked; nil when unset.
    static func token(environment: [String: String]) throws -> String? {
        try value(Variable.token, in: environment)
    }

    /// The secret strings a log line or error must never show.
    public var secrets: [String] {
        switch self {
        case .token(let token): token.isEmpty ? [] : [token]
        case .accessKey(let keys): keys.secrets
        case .metadata(let provider): provider.secrets
        }
    }

    public var description: String {
        switch self {
        case .token: "token ***"
        case .accessKey(let keys): keys.description
        case .metadata(let provider): provider.description
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}
