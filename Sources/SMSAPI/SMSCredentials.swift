import Foundation

/// How requests prove who sends them: an IAM token or an access key pair.
public enum SMSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// An IAM user token, sent as `X-Auth-Token`.
    case token(String)
    /// An access key pair; every request is signed with `SDK-HMAC-SHA256`.
    case accessKey(AccessKeyCredentials)

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
    public static func resolve(environment: [String: String], tokenFile: String?) throws -> SMSCredentials {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
                return nil
            }
            return raw
        }
        if let tokenFile {
            return .token(try readToken(path: tokenFile))
        }
        let accessKey = Variable.accessKey.lazy.compactMap(value).first
        let secretKey = Variable.secretKey.lazy.compactMap(value).first
        switch (accessKey, secretKey) {
        case (let ak?, let sk?):
            return .accessKey(
                AccessKeyCredentials(
                    accessKey: ak, secretKey: sk, securityToken: value(Variable.securityToken),
                    projectID: value(Variable.projectID), domainID: value(Variable.domainID)))
        case (_?, nil):
            throw SMSAPIError.missingCredentials(
                "an access key is set but no secret key: set HUAWEICLOUD_SDK_SK (or CLOUD_SDK_SK)")
        case (nil, _?):
            throw SMSAPIError.missingCredentials(
                "a secret key is set but no access key: set HUAWEICLOUD_SDK_AK (or CLOUD_SDK_AK)")
        case (nil, nil):
            break
        }
        if let token = value(Variable.token) {
            return .token(token)
        }
        throw SMSAPIError.missingCredentials(
            "no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or CLOUD_SDK_AK and CLOUD_SDK_SK), "
                + "optionally HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_DOMAIN_ID and "
                + "HUAWEICLOUD_SDK_SECURITY_TOKEN; "
                + "or set HUAWEICLOUD_AUTH_TOKEN or pass --token-file PATH")
    }

    private static func readToken(path: String) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SMSAPIError.missingCredentials("cannot read the token file \(path): \(error.localizedDescription)")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw SMSAPIError.missingCredentials("the token file \(path) is empty")
        }
        return token
    }

    /// The secret strings a log line or error must never show.
    var secrets: [String] {
        switch self {
        case .token(let token): token.isEmpty ? [] : [token]
        case .accessKey(let keys): keys.secrets
        }
    }

    public var description: String {
        switch self {
        case .token: "token ***"
        case .accessKey(let keys): keys.description
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}
