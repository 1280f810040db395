import Foundation

/// The process-wide secrets that every printed line and every error is cleaned of.
///
/// Credentials, proxy passwords and any later secret are registered once they are known; the console's
/// writers and ``SMSAPIError`` redact through ``shared``.
public final class SecretRegistry: @unchecked Sendable {
    /// The registry of this process.
    public static let shared = SecretRegistry()

    // NSLock rather than Mutex: Mutex needs macOS 15 and the package supports 14.
    private let lock = NSLock()
    private var current = SecretRedactor(secrets: [])

    /// An empty registry (tests make their own; the tool uses ``shared``).
    public init() {}

    /// Adds `secrets` (empty strings are ignored).
    public func register(_ secrets: [String]) {
        lock.withLock { current = SecretRedactor(secrets: current.secrets + secrets) }
    }

    /// The redactor for everything registered so far.
    public var redactor: SecretRedactor { lock.withLock { current } }

    /// `text` cleaned of every registered secret.
    public func redact(_ text: String) -> String {
        let redactor = self.redactor
        return redactor.isEmpty ? text : redactor.redact(text)
    }
}
