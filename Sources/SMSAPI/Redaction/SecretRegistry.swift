import Foundation
import Synchronization

/// The process-wide secrets that every printed line and every error is cleaned of.
///
/// Credentials, proxy passwords and any later secret are registered once they are known; the console's
/// writers and ``SMSAPIError`` redact through ``shared``.
public final class SecretRegistry: Sendable {
    /// The registry of this process.
    public static let shared = SecretRegistry()

    private let current = Mutex(SecretRedactor(secrets: []))

    /// An empty registry (tests make their own; the tool uses ``shared``).
    public init() {}

    /// Adds `secrets` (empty strings are ignored).
    public func register(_ secrets: [String]) {
        current.withLock { $0 = SecretRedactor(secrets: $0.secrets + secrets) }
    }

    /// The redactor for everything registered so far.
    public var redactor: SecretRedactor { current.withLock { $0 } }

    /// `text` cleaned of every registered secret.
    public func redact(_ text: String) -> String {
        let redactor = self.redactor
        return redactor.isEmpty ? text : redactor.redact(text)
    }
}
