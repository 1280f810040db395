import Foundation

/// How the mock plays an ECS instance's metadata service (SPEC 8.1): session tokens or none, an instance without
/// an agency, and how long the temporary keys it hands out live.
public struct MockMetadata: Sendable, Hashable {
    /// Which kind of instance the mock plays.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// `PUT /meta-data/latest/api/token` gives a session token, and the security key needs it.
        case sessionToken = "session-token"
        /// The token call answers 404 (an older instance); the security key needs no token.
        case noSessionToken = "no-session-token"
        /// The security key call answers 401 "Please configure Cloud Service Agency first".
        case noAgency = "no-agency"
    }

    public var mode: Mode
    /// The life of each temporary key: its `expires_at` is the time it was handed out plus this.
    public var keyLifetime: Duration
    /// How long before its `expires_at` the mock already refuses a key (401). A short-lived key with a margin just
    /// under the SDKs' 5 minutes (a 302 s key, 299 s margin) lives 3 s for the mock, so a test sees in seconds
    /// whether a client replaces keys before their end.
    public var expiryMargin: Duration
    /// How many security key calls one session token serves (nil: any number); after that it answers 401, as an
    /// expired session token does.
    public var sessionTokenUses: Int?

    public init(
        mode: Mode = .sessionToken, keyLifetime: Duration = .seconds(24 * 3600), expiryMargin: Duration = .zero,
        sessionTokenUses: Int? = nil
    ) {
        self.mode = mode
        self.keyLifetime = keyLifetime
        self.expiryMargin = expiryMargin
        self.sessionTokenUses = sessionTokenUses
    }
}

/// The session tokens and temporary keys the mock has handed out; shared by the metadata routes (which issue them)
/// and the authenticator (which accepts them).
public final class MockIssuedKeys: @unchecked Sendable {
    /// One temporary key.
    public struct Key: Sendable, Hashable {
        public var accessKey: String
        public var secretKey: String
        public var securityToken: String
        public var expiresAt: Date
    }

    // A lock rather than an actor: the authenticator checks synchronously.
    private let lock = NSLock()
    private var keys: [String: Key] = [:]
    private var order: [String] = []
    private var sessionTokens: [String: Int] = [:]

    public init() {}

    /// Every key handed out, oldest first.
    public var issued: [Key] { lock.withLock { order.compactMap { keys[$0] } } }

    /// Every session token handed out.
    public var issuedSessionTokens: [String] { lock.withLock { Array(sessionTokens.keys).sorted() } }

    /// A new key valid until `expiresAt`; its secrets have awkward characters, as real ones may.
    func issueKey(expiresAt: Date) -> Key {
        lock.withLock {
            let number = order.count + 1
            let salt = UUID().uuidString.replacingOccurrences(of: "-", with: "")
            let key = Key(
                accessKey: "MOCKTEMPAK\(String(format: "%06d", number))",
                secretKey: "tmpSK/\(number)+\(salt.prefix(16))=",
                securityToken: "gQpT0k3n-\(number)/\(salt)+\(String(repeating: "Z9", count: 40))==",
                expiresAt: expiresAt)
            keys[key.accessKey] = key
            order.append(key.accessKey)
            return key
        }
    }

    /// The key of `accessKey`, if the mock handed it out.
    func key(accessKey: String) -> Key? { lock.withLock { keys[accessKey] } }

    /// A new session token.
    func issueSessionToken() -> String {
        lock.withLock {
            let token = "mock-session-\(sessionTokens.count + 1)-\(UUID().uuidString)"
            sessionTokens[token] = 0
            return token
        }
    }

    /// True when `token` was handed out and has served fewer than `uses` calls (counting this one).
    func useSessionToken(_ token: String, uses: Int?) -> Bool {
        lock.withLock {
            guard let used = sessionTokens[token] else { return false }
            if let uses, used >= uses { return false }
            sessionTokens[token] = used + 1
            return true
        }
    }
}
