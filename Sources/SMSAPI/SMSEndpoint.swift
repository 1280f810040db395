import Foundation

/// Where the SMS API lives: `scheme://host[:port]`, without a path.
public struct SMSEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The normalized URL, e.g. `https://sms.ap-southeast-3.myhuaweicloud.com`.
    public var url: String
    /// The host (and port when one is given) without scheme or credentials, for reports and the `Host` header.
    public var host: String
    /// True for `https`; `http` is accepted for the loopback mock and test setups.
    public var usesTLS: Bool

    /// Parses and validates `url`: `http` or `https`, a host, no credentials, no path, query or fragment.
    public init(url: String) throws {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw SMSAPIError.invalidEndpoint(url, reason: "not a URL")
        }
        guard scheme == "https" || scheme == "http" else {
            throw SMSAPIError.invalidEndpoint(url, reason: "the scheme must be https (or http for a local mock)")
        }
        guard let rawHost = components.percentEncodedHost, !rawHost.isEmpty else {
            throw SMSAPIError.invalidEndpoint(url, reason: "no host")
        }
        guard components.user == nil, components.password == nil else {
            throw SMSAPIError.invalidEndpoint(url, reason: "credentials do not belong in the endpoint URL")
        }
        guard components.percentEncodedPath.isEmpty || components.percentEncodedPath == "/",
            components.query == nil, components.fragment == nil
        else {
            throw SMSAPIError.invalidEndpoint(url, reason: "give only scheme://host[:port], without a path or query")
        }
        let bareHost = rawHost.hasPrefix("[") ? rawHost : (rawHost.contains(":") ? "[\(rawHost)]" : rawHost)
        let lowerHost = bareHost.lowercased()
        let authority = components.port.map { "\(lowerHost):\($0)" } ?? lowerHost
        self.url = "\(scheme)://\(authority)"
        self.host = authority
        self.usesTLS = scheme == "https"
    }

    /// The endpoint the official SDK uses for region `id` (SPEC 1 "Endpoint").
    public static func region(_ id: String) -> SMSEndpoint {
        let region = id.trimmingCharacters(in: .whitespaces).lowercased()
        let host =
            region == "ru-moscow-1"
            ? "sms-api.ru-moscow-1.myhuaweicloud.com" : "sms.\(region).myhuaweicloud.com"
        return SMSEndpoint(trustedURL: "https://\(host)", host: host)
    }

    /// The regions the official SDK knows, in the order a usage message lists them.
    public static let knownRegions = ["cn-north-4", "ap-southeast-3", "my-kualalumpur-1", "ru-moscow-1"]

    /// True when `id` is shaped like a region ID (`ap-southeast-3`): lowercase words and a number joined by `-`.
    public static func isPlausibleRegionID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let number = parts.last, !number.isEmpty, number.allSatisfy(\.isASCII),
            number.allSatisfy(\.isNumber)
        else { return false }
        return parts.dropLast().allSatisfy { word in
            !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isLetter && $0.isLowercase }
        }
    }

    private init(trustedURL: String, host: String) {
        self.url = trustedURL
        self.host = host
        self.usesTLS = trustedURL.hasPrefix("https:")
    }

    public var description: String { url }
}
