import Foundation

/// The metadata service's `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`.
struct SecurityKeyAnswer: Sendable {
    var access: String
    var secret: String
    var securityToken: String
    var expiresAt: Date

    /// Reads the answer; a missing field or an unreadable `expires_at` is an error naming the field.
    static func decode(_ body: [UInt8]) throws(MetadataAnswerError) -> SecurityKeyAnswer {
        guard case .object(let root)? = try? JSONValue.parse(body), let credential = root["credential"]?.objectValue
        else {
            throw MetadataAnswerError(description: "the security key answer is not {\"credential\": {…}}")
        }
        func field(_ name: String) throws(MetadataAnswerError) -> String {
            guard let value = credential[name]?.textValue, !value.isEmpty else {
                throw MetadataAnswerError(description: "the security key answer has no \(name)")
            }
            return value
        }
        let expires = try field("expires_at")
        guard let date = parse(expiresAt: expires) else {
            throw MetadataAnswerError(description: "the security key answer's expires_at is not an ISO 8601 time")
        }
        return SecurityKeyAnswer(
            access: try field("access"), secret: try field("secret"), securityToken: try field("securitytoken"),
            expiresAt: date)
    }

    /// `2026-12-07T10:00:00.000000Z` (any number of fraction digits, or none; `Z` or no zone means UTC).
    static func parse(expiresAt text: String) -> Date? {
        var core = text
        if core.hasSuffix("Z") { core.removeLast() }
        var fraction = 0.0
        if let dot = core.firstIndex(of: ".") {
            let digits = core[core.index(after: dot)...]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            fraction = Double("0." + digits) ?? 0
            core = String(core[..<dot])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: core + "Z").map { $0.addingTimeInterval(fraction) }
    }
}

/// A security key answer that cannot be used; the message names the field, never a value.
struct MetadataAnswerError: Error, CustomStringConvertible {
    var description: String
}

/// The metadata service could not give credentials: the run stops with exit 1 and this message.
public struct MetadataServiceError: Error, CustomStringConvertible, Sendable {
    /// The service's URL.
    public var endpoint: String
    /// What went wrong (no secret in it).
    public var reason: String

    public var description: String {
        "ECS metadata service \(endpoint): \(reason); bind an agency to this ECS instance (ECS console: the "
            + "instance's Management Information, Agency) so that it gets temporary AK/SK, or choose other credentials "
            + "with --credentials"
    }
}
