/// A request as the `SDK-HMAC-SHA256` signer sees it: the parts the canonical request is built from.
public struct SignableRequest: Sendable, Hashable {
    /// One header or query parameter, in the order given.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var method: String
    /// The `Host` header value the signer adds when `headers` has none (`host[:port]`).
    public var host: String
    /// The path as sent on the wire (percent-encoded or not; the signer decodes and re-encodes each segment).
    public var path: String
    /// Query parameters, decoded.
    public var query: [Field]
    public var headers: [Field]
    public var body: [UInt8]

    public init(
        method: String, host: String, path: String, query: [Field] = [], headers: [Field] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The value of header `name` (case-insensitive; the last one wins, as in the official SDK).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }

    /// Sets header `name`, replacing any header of the same name.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        headers.append(Field(name, value))
    }
}
