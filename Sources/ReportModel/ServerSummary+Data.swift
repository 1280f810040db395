extension ServerSummary {
    /// False for a server whose results could not be obtained or were never verified: its counts are
    /// unknown, not zero, and reports show empty cells for them.
    public var hasData: Bool {
        directoryCount > 0 || status == .consistent || status == .inconsistent || status == .accepted
    }
}
