import Foundation

/// An HTTP proxy between the client and the endpoint (SPEC 1 "Proxy"): `--proxy URL`, or the curl environment
/// variables `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` and `NO_PROXY`, in either case. HTTPS goes through it
/// with `CONNECT`.
public struct SMSProxy: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String?
    /// A secret like the credentials: never in logs, errors or files (``description`` shows `***`).
    public var password: String?

    /// A proxy URL that cannot be used; the message names where it came from and never holds the password.
    public struct InvalidURL: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// curl's default port for a proxy URL without one.
    public static let defaultPort = 1080

    /// Parses `http://[user:password@]host[:port]` (a URL without a scheme is taken as `http://`, like curl);
    /// `source` names it in errors (`--proxy`, `HTTPS_PROXY`).
    public init(url: String, source: String) throws(InvalidURL) {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        let shape = "give it as http://[user:password@]host:port"
        guard let components = URLComponents(string: withScheme), let scheme = components.scheme?.lowercased()
        else {
            throw InvalidURL(description: "\(source): not a proxy URL; \(shape)")
        }
        guard scheme == "http" else {
            throw InvalidURL(
                description: "\(source): proxy scheme \"\(scheme)\" is not supported (only an HTTP proxy, which "
                    + "carries HTTPS with CONNECT); \(shape)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw InvalidURL(description: "\(source): no host; \(shape)")
        }
        guard components.percentEncodedPath.isEmpty || components.percentEncodedPath == "/", components.query == nil,
            components.fragment == nil
        else {
            throw InvalidURL(description: "\(source): a proxy URL has no path or query; \(shape)")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw InvalidURL(description: "\(source): port \(port) is out of range; \(shape)")
        }
        self.host = host
        self.port = components.port ?? Self.defaultPort
        self.username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        self.password = components.password
    }

    /// The proxy for `endpoint` from `environment` by curl's rules, or nil (none set, or `NO_PROXY` matches).
    ///
    /// The lowercase name wins over the uppercase one; `https_proxy` serves an HTTPS endpoint, `http_proxy` a plain
    /// one, `all_proxy` either. An empty value means no proxy.
    public static func fromEnvironment(_ environment: [String: String], for endpoint: SMSEndpoint) throws(InvalidURL)
        -> SMSProxy?
    {
        func value(_ name: String) -> (name: String, value: String)? {
            for key in [name.lowercased(), name.uppercased()] {
                if let found = environment[key] { return (key, found) }
            }
            return nil
        }
        let candidates = endpoint.usesTLS ? ["https_proxy", "all_proxy"] : ["http_proxy", "all_proxy"]
        guard let found = candidates.lazy.compactMap(value).first,
            !found.value.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        let (host, port) = endpoint.hostAndPort
        if let noProxy = value("no_proxy")?.value, bypasses(host: host, port: port, noProxy: noProxy) { return nil }
        return try SMSProxy(url: found.value, source: found.name)
    }

    /// Whether `NO_PROXY` (curl's form: `*`, or a comma- or space-separated list of host names, domains with or
    /// without a leading dot, and IP addresses, each with an optional `:port`) exempts `host:port`.
    public static func bypasses(host: String, port: Int, noProxy: String) -> Bool {
        let target = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let entries = noProxy.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        for raw in entries {
            var entry = raw.lowercased()
            if entry == "*" { return true }
            var entryPort: Int?
            if entry.hasPrefix("[") {  // [::1]:8080 or [::1]
                guard let close = entry.firstIndex(of: "]") else { continue }
                let rest = entry[entry.index(after: close)...]
                if rest.hasPrefix(":") { entryPort = Int(rest.dropFirst()) }
                entry = String(entry[entry.index(after: entry.startIndex)..<close])
            } else if entry.filter({ $0 == ":" }).count == 1, let colon = entry.lastIndex(of: ":") {
                entryPort = Int(entry[entry.index(after: colon)...])
                entry = String(entry[..<colon])
            }
            if let entryPort, entryPort != port { continue }
            if entry.hasPrefix(".") { entry.removeFirst() }
            if entry.hasSuffix(".") { entry.removeLast() }
            guard !entry.isEmpty else { continue }
            if target == entry || target.hasSuffix("." + entry) { return true }
        }
        return false
    }

    /// The secrets this proxy carries, for the redaction of messages.
    public var secrets: [String] { [password].compactMap { $0 }.filter { !$0.isEmpty } }

    /// `http://user:***@host:port`: safe to log.
    public var description: String {
        let user = username.map { "\($0)\(password == nil ? "" : ":***")@" } ?? ""
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(user)\(shownHost):\(port)"
    }
}

extension SMSEndpoint {
    /// The host without brackets and the port (the scheme's default when none is given), for proxy decisions.
    var hostAndPort: (host: String, port: Int) {
        let defaultPort = usesTLS ? 443 : 80
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let name = String(host[host.index(after: host.startIndex)..<close])
            let rest = host[host.index(after: close)...]
            return (name, rest.hasPrefix(":") ? Int(rest.dropFirst()) ?? defaultPort : defaultPort)
        }
        if let colon = host.lastIndex(of: ":") {
            return (String(host[..<colon]), Int(host[host.index(after: colon)...]) ?? defaultPort)
        }
        return (host, defaultPort)
    }
}
