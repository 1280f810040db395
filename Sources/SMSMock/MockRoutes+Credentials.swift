import Foundation
import Hummingbird
import SMSAPI

/// The metadata service's two calls and IAM's projects call (SPEC 8.1), so that no test sends anything off
/// loopback.
extension MockRoutes {
    /// `PUT /meta-data/latest/api/token`: a session token, or 404 on an instance without session tokens.
    func metadataToken(_ request: Request) -> Response {
        let number = counters.arrived(route: "metadata-token")
        guard let metadata = options.metadata, metadata.mode != .noSessionToken else {
            return Self.raw(.notFound, Array("404 Not Found".utf8), number: number)
        }
        guard let ttl = request.headers[Self.ttlField].flatMap(Int.init), (1...21600).contains(ttl) else {
            return Self.raw(
                .badRequest, Array("X-Metadata-Token-Ttl-Seconds is missing or not 1-21600".utf8), number: number)
        }
        return Self.raw(.ok, Array(issued.issueSessionToken().utf8), number: number)
    }

    /// `GET /openstack/latest/securitykey`: a temporary key, 401 without a valid session token (when the instance
    /// uses them) or without an agency.
    func securityKey(_ request: Request) -> Response {
        let number = counters.arrived(route: "metadata-securitykey")
        guard let metadata = options.metadata else {
            return Self.raw(.notFound, Array("404 Not Found".utf8), number: number)
        }
        if metadata.mode != .noSessionToken {
            let token = request.headers[Self.sessionTokenField] ?? ""
            guard issued.useSessionToken(token, uses: metadata.sessionTokenUses) else {
                return Self.raw(
                    .unauthorized, Array("401 Unauthorized: the metadata token is not valid".utf8), number: number)
            }
        }
        if metadata.mode == .noAgency {
            return Self.raw(
                .unauthorized, Array(#"{"message": "Please configure Cloud Service Agency first"}"#.utf8),
                number: number)
        }
        let expiresAt = options.now().addingTimeInterval(metadata.keyLifetime.mockSeconds)
        let key = issued.issueKey(expiresAt: expiresAt)
        let body: JSONValue = .object([
            "credential": .object([
                "access": .string(key.accessKey), "secret": .string(key.secretKey),
                "securitytoken": .string(key.securityToken), "expires_at": .string(Self.metadataTime(expiresAt)),
            ])
        ])
        return Self.json(.ok, body, number: number)
    }

    /// `GET /v3/projects?name=`: the projects of `options.projects` with that name (all without a name).
    func iamProjects(_ incoming: Incoming) -> Response {
        let name = incoming.request.query.first { $0.name == "name" }?.value
        let projects = options.projects.sorted { $0.key < $1.key }.filter { name == nil || $0.key == name }
        let body: JSONValue = .object([
            "projects": .array(
                projects.map { .object(["id": .string($0.value), "name": .string($0.key), "enabled": .bool(true)]) }),
            "links": .object(["self": .string("https://iam.myhuaweicloud.com/v3/projects")]),
        ])
        return Self.json(.ok, body, number: incoming.number)
    }

    static let ttlField = HTTPFields.Element.Name("X-Metadata-Token-Ttl-Seconds")!
    static let sessionTokenField = HTTPFields.Element.Name("X-Metadata-Token")!

    /// `2026-12-07T10:00:00.000000Z`, the metadata service's form.
    static func metadataTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let whole = formatter.string(from: date).dropLast()
        let micros = Int((date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)) * 1_000_000)
        return "\(whole).\(String(format: "%06d", micros))Z"
    }
}

extension Duration {
    /// The duration in seconds, fractions included.
    var mockSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
