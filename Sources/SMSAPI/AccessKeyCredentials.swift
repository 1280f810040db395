/// An access key pair for `SDK-HMAC-SHA256` signing, with the optional scope headers the SDKs send.
public struct AccessKeyCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var accessKey: String
    public var secretKey: String
    /// For temporary AK/SK; sent and signed as `X-Security-Token`.
    public var securityToken: String?
    /// Sent and signed as `X-Project-Id`.
    public var projectID: String?
    /// Sent and signed as `X-Domain-Id`.
    public var domainID: String?

    public init(
        accessKey: String, secretKey: String, securityToken: String? = nil, projectID: String? = nil,
        domainID: String? = nil
    ) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.securityToken = securityToken
        self.projectID = projectID
        self.domainID = domainID
    }

    /// The secrets a log line or error must never show.
    public var secrets: [String] { [secretKey, securityToken].compactMap { $0 }.filter { !$0.isEmpty } }

    public var description: String {
        var parts = ["AK \(accessKey)", "SK ***"]
        if securityToken != nil { parts.append("security token ***") }
        if let projectID { parts.append("project \(projectID)") }
        if let domainID { parts.append("domain \(domainID)") }
        return parts.joined(separator: ", ")
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["description": description]) }
}
