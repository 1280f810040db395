/// What an export call answered: the bytes as received and what the headers say about them.
public struct ExportedFile: Sendable, Hashable {
    public var body: [UInt8]
    public var contentType: String?
    /// The raw `Content-Disposition` filename, NOT sanitized: never use it as a path as it is.
    public var fileNameHint: String?
    public var requestID: String?

    public init(body: [UInt8], contentType: String?, fileNameHint: String?, requestID: String?) {
        self.body = body
        self.contentType = contentType
        self.fileNameHint = fileNameHint
        self.requestID = requestID
    }
}
