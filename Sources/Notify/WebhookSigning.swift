import Crypto
import Foundation

/// A Feishu signature: the body's `timestamp` (seconds, a string) and `sign`.
public struct FeishuSignature: Sendable, Hashable {
    public var timestamp: String
    public var sign: String
}

/// The robots' signing schemes (加签) as DingTalk and Feishu document them.
public enum WebhookSigning {
    /// DingTalk: `sign` = URL-encoded Base64 of HMAC-SHA256(key: secret, message: "{timestamp}\n{secret}"), the
    /// timestamp in milliseconds; both go into the query (`&timestamp=…&sign=…`).
    public static func dingTalkURL(_ url: String, secret: String, at date: Date) -> String {
        let timestamp = String(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp)\n\(secret)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        let sign = Data(mac).base64EncodedString()
        // Base64's `+`, `/` and `=` must be percent-encoded in a query value, as the documented urlEncode does.
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = sign.addingPercentEncoding(withAllowedCharacters: allowed) ?? sign
        let separator = url.contains("?") ? "&" : "?"
        return "\(url)\(separator)timestamp=\(timestamp)&sign=\(encoded)"
    }

    /// Feishu: `sign` = Base64 of HMAC-SHA256(key: "{timestamp}\n{secret}", message: empty), the timestamp in
    /// seconds.
    public static func feishu(secret: String, at date: Date) -> FeishuSignature {
        let timestamp = String(Int64(date.timeIntervalSince1970.rounded(.down)))
        let key = SymmetricKey(data: Data("\(timestamp)\n\(secret)".utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(), using: key)
        return FeishuSignature(timestamp: timestamp, sign: Data(mac).base64EncodedString())
    }
}
