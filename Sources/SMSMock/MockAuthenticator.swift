import Foundation
import SMSAPI

/// Checks `X-Auth-Token`, or verifies an `SDK-HMAC-SHA256` signature with the client's own signer.
struct MockAuthenticator: Sendable {
    let options: MockOptions
    /// The temporary keys the metadata routes handed out; accepted with their security token until they expire.
    var issued: MockIssuedKeys? = nil

    /// Headers that change what a request means, so an unsigned copy of them is refused.
    static let headersThatMustBeSigned = [
        "host", "x-sdk-date", "content-type", "x-language", "x-project-id", "x-domain-id", "x-security-token",
    ]

    /// Nil when the request is authentic; otherwise why it is not (safe to log: no secret in it).
    func rejection(of request: SignableRequest, rawQuery: String?) -> String? {
        if let token = request.header("X-Auth-Token") {
            guard let accepted = options.token, !accepted.isEmpty, token == accepted else {
                return "the X-Auth-Token is not valid"
            }
            return nil
        }
        guard let header = request.header("Authorization") else {
            return "the request carries neither X-Auth-Token nor an SDK-HMAC-SHA256 Authorization"
        }
        guard let authorization = SDKSigner.Authorization(header: header) else {
            return "the Authorization header is not SDK-HMAC-SHA256"
        }
        let accessKey = authorization.accessKey
        let secretKey: String
        if let accepted = options.accessKey, let acceptedSecret = options.secretKey, accessKey == accepted {
            secretKey = acceptedSecret
        } else if let key = issued?.key(accessKey: accessKey) {
            guard request.header("X-Security-Token") == key.securityToken else {
                return "the temporary access key \(accessKey) comes without its X-Security-Token"
            }
            let margin = options.metadata?.expiryMargin.mockSeconds ?? 0
            guard options.now() < key.expiresAt.addingTimeInterval(-margin) else {
                return "the temporary access key \(accessKey) has expired"
            }
            secretKey = key.secretKey
        } else {
            return "unknown access key \(accessKey)"
        }
        let present = Set(request.headers.map { $0.name.lowercased() })
        for name in Self.headersThatMustBeSigned where present.contains(name) || name == "host" || name == "x-sdk-date"
        {
            guard authorization.signedHeaders.contains(name) else { return "header \(name) is not signed" }
        }
        for name in authorization.signedHeaders where !present.contains(name) {
            return "signed header \(name) is missing"
        }
        guard let sdkDate = request.header(SDKSigner.dateHeader), let date = SDKSigner.parse(sdkDate: sdkDate) else {
            return "X-Sdk-Date is missing or not yyyyMMddTHHmmssZ"
        }
        let skew = abs(date.timeIntervalSince(options.now()))
        guard skew <= Double(options.maximumClockSkew.components.seconds) else {
            return "X-Sdk-Date is \(Int(skew)) s away from the server clock"
        }
        let expected = SDKSigner(accessKey: accessKey, secretKey: secretKey)
            .signature(for: request, signedHeaders: authorization.signedHeaders, sdkDate: sdkDate)
        guard constantTimeEqual(expected, authorization.signature) else {
            return "the signature does not match the request"
        }
        if let required = options.requiredProjectID, !request.path.hasPrefix("/v3/projects"),
            request.header("X-Project-Id") != required
        {
            return "X-Project-Id is missing or not the project of these keys"
        }
        return nil
    }

    /// `a=1&b=x%20y` as decoded fields, in order.
    static func queryFields(_ rawQuery: String?) -> [SignableRequest.Field] {
        guard let rawQuery, !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return SignableRequest.Field(
                SDKPercentEncoding.decode(String(parts[0])),
                SDKPercentEncoding.decode(parts.count > 1 ? String(parts[1]) : ""))
        }
    }

    private func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
