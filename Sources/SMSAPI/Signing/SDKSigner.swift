import Crypto
import Foundation

/// The official SDKs' `SDK-HMAC-SHA256` request signer, byte for byte (see docs/authentication.md).
public struct SDKSigner: Sendable {
    /// The algorithm name that opens the `Authorization` value and the string to sign.
    public static let algorithm = "SDK-HMAC-SHA256"
    /// The header carrying the signing time, `yyyyMMddTHHmmssZ`.
    public static let dateHeader = "X-Sdk-Date"
    /// The header that replaces the body hash (`UNSIGNED-PAYLOAD` for non-JSON bodies).
    public static let contentHashHeader = "X-Sdk-Content-Sha256"
    /// SHA-256 of the empty string, the payload hash of a request without a body.
    static let emptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    public var accessKey: String
    private var secretKey: String

    public init(accessKey: String, secretKey: String) {
        self.accessKey = accessKey
        self.secretKey = secretKey
    }

    /// Adds `X-Sdk-Date` (from `date`, unless present), `Host` (unless present) and `Authorization` to the request.
    ///
    /// Every header whose name has no `_` is signed, as the SDK does.
    public func sign(_ request: inout SignableRequest, date: Date) {
        if let contentType = request.header("Content-Type"),
            !contentType.hasPrefix("application/json"), !contentType.hasPrefix("application/bson")
        {
            request.setHeader(Self.contentHashHeader, "UNSIGNED-PAYLOAD")
        }
        if request.header(Self.dateHeader) == nil {
            request.headers.append(.init(Self.dateHeader, Self.format(date: date)))
        }
        if request.header("Host") == nil {
            request.headers.append(.init("Host", request.host))
        }
        let signedHeaders = Self.signedHeaderNames(of: request.headers)
        let signature = signature(
            for: request, signedHeaders: signedHeaders, sdkDate: request.header(Self.dateHeader) ?? "")
        request.setHeader(
            "Authorization",
            "\(Self.algorithm) Access=\(accessKey), SignedHeaders=\(signedHeaders.joined(separator: ";")), "
                + "Signature=\(signature)"
        )
    }

    /// The hex signature of `request` over `signedHeaders` (lower-case names) at `sdkDate` (`yyyyMMddTHHmmssZ`).
    public func signature(for request: SignableRequest, signedHeaders: [String], sdkDate: String) -> String {
        let canonical = Self.canonicalRequest(request, signedHeaders: signedHeaders)
        let stringToSign = Self.stringToSign(canonicalRequest: canonical, sdkDate: sdkDate)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array(stringToSign.utf8), using: SymmetricKey(data: Array(secretKey.utf8)))
        return HexDigest.hex(Array(mac))
    }

    /// The names the SDK signs: every header without `_`, lower-cased, sorted.
    public static func signedHeaderNames(of headers: [SignableRequest.Field]) -> [String] {
        Array(Set(headers.map { $0.name.lowercased() }.filter { !$0.contains("_") })).sorted(by: codePointOrder)
    }

    /// Method, canonical URI, canonical query, canonical headers, signed headers and payload hash, one per line.
    public static func canonicalRequest(_ request: SignableRequest, signedHeaders: [String]) -> String {
        var values: [String: String] = [:]
        for field in request.headers {
            values[field.name.lowercased()] = field.value.trimmingCharacters(in: .whitespaces)
        }
        let headers = signedHeaders.map { "\($0):\(values[$0] ?? "")\n" }.joined()
        return [
            request.method.uppercased(), canonicalURI(request.path), canonicalQuery(request.query), headers,
            signedHeaders.joined(separator: ";"), payloadHash(request),
        ].joined(separator: "\n")
    }

    /// Each path segment decoded and re-encoded, with a trailing `/`.
    public static func canonicalURI(_ path: String) -> String {
        let encoded = SDKPercentEncoding.decode(path).split(separator: "/", omittingEmptySubsequences: false)
            .map { SDKPercentEncoding.encode(String($0)) }.joined(separator: "/")
        return encoded.hasSuffix("/") ? encoded : encoded + "/"
    }

    /// Parameters sorted by name then value, each part encoded, joined with `&`: also the query the SDK sends.
    public static func canonicalQuery(_ query: [SignableRequest.Field]) -> String {
        query.sorted { lhs, rhs in
            lhs.name == rhs.name ? codePointOrder(lhs.value, rhs.value) : codePointOrder(lhs.name, rhs.name)
        }
        .map { "\(SDKPercentEncoding.encode($0.name))=\(SDKPercentEncoding.encode($0.value))" }
        .joined(separator: "&")
    }

    /// `SDK-HMAC-SHA256`, the date, and the hex SHA-256 of the canonical request, one per line.
    public static func stringToSign(canonicalRequest: String, sdkDate: String) -> String {
        "\(algorithm)\n\(sdkDate)\n\(HexDigest.sha256(Array(canonicalRequest.utf8)))"
    }

    private static func payloadHash(_ request: SignableRequest) -> String {
        if request.body.isEmpty { return emptyBodyHash }
        if let declared = request.header(contentHashHeader), !declared.isEmpty { return declared }
        return HexDigest.sha256(request.body)
    }

    /// Lower-case hex, two digits per byte: ``HexDigest/hex(_:)`` under its older name, which `SMSAPIError` still
    /// calls (another change owns that file; it can call ``HexDigest/sha256(_:)`` and this can go).
    static func hex(_ bytes: [UInt8]) -> String {
        HexDigest.hex(bytes)
    }

    /// Python's string order: by Unicode scalar values.
    static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}
