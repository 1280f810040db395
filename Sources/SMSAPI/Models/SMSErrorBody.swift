import Foundation

/// An SMS or API gateway error body: `{"error_code","error_msg"}`, and on 403 also `details`,
/// `error_param` and `encoded_authorization_message`.
public struct SMSErrorBody: Sendable, Hashable {
    /// One entry of `details`.
    public struct Detail: Sendable, Hashable, Decodable {
        public var code: String?
        public var message: String?

        public init(code: String?, message: String?) {
            self.code = code
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case code = "error_code"
            case message = "error_msg"
        }
    }

    public var code: String?
    public var message: String?
    public var requestID: String?
    public var details: [Detail]
    public var parameters: [String]

    /// Decodes `bytes`; nil when they are not a JSON object carrying an error code or message.
    ///
    /// Besides the SMS form it reads the IAM form `{"error":{"code","message"}}` and `code`/`message` keys,
    /// since gateways in front of SMS answer that way.
    public init?(bytes: [UInt8]) {
        guard let json = try? JSONValue.parse(bytes), case .object(let object) = json else { return nil }
        let nested: [String: JSONValue] = {
            if case .object(let inner)? = object["error"] { return inner }
            return [:]
        }()
        func text(_ keys: [String], in source: [String: JSONValue]) -> String? {
            keys.lazy.compactMap { source[$0]?.textValue }.first { !$0.isEmpty }
        }
        code = text(["error_code", "code"], in: object) ?? text(["code", "error_code"], in: nested)
        message = text(["error_msg", "message", "error_message"], in: object) ?? text(["message"], in: nested)
        requestID = text(["request_id"], in: object)
        details =
            object["details"]?.arrayValue?.compactMap { entry in
                guard case .object(let fields) = entry else { return nil }
                return Detail(code: fields["error_code"]?.textValue, message: fields["error_msg"]?.textValue)
            } ?? []
        parameters = object["error_param"]?.arrayValue?.compactMap(\.textValue) ?? []
        if message == nil, let first = details.first(where: { $0.message != nil }) {
            message = first.message
            code = code ?? first.code
        }
        guard code != nil || message != nil else { return nil }
    }
}
