/// A `--sign-key` file that cannot be used (exit 2): names the file and what is wrong, never a byte of the key.
public struct SigningKeyError: Error, CustomStringConvertible, Sendable {
    /// The key file as given.
    public let file: String
    /// What is wrong with it, without any of its contents.
    public let reason: String

    /// A problem with `file`.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}

/// An evidence bundle, a signature or a folder to verify could not be read or written; names the place.
public struct EvidenceError: Error, CustomStringConvertible, Sendable {
    public let description: String

    /// An error with a message that names the file, never a secret.
    public init(_ description: String) { self.description = description }
}
