import Foundation

/// A history database that cannot be opened, migrated, read or written; names the file, never a secret.
public struct HistoryError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
