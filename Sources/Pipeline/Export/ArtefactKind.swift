/// What an export response body is, and the file extension it is saved under.
///
/// Decided from a sanitized `Content-Disposition` file name, then the `Content-Type`, then the first bytes;
/// a name or path from the server is never used as it is.
public enum ArtefactKind: Sendable, Hashable {
    /// A file to save as `batch-NNNN.<ext>`.
    case file(fileExtension: String)
    /// A bare `OK` or `{}`: the API acknowledged the request but sent no file.
    case acknowledgement

    /// The extensions an artefact may be saved with; anything else becomes `bin`.
    static let allowedExtensions: Set<String> = ["xlsx", "xls", "csv", "zip", "json", "txt", "pdf"]

    /// Classifies a response body.
    public init(body: [UInt8], contentType: String?, fileNameHint: String?) {
        if Self.isAcknowledgement(body) {
            self = .acknowledgement
            return
        }
        if let ext = Self.extension(fromFileName: fileNameHint) {
            self = .file(fileExtension: ext)
            return
        }
        let type = (contentType ?? "").lowercased()
        let isZip = body.starts(with: [0x50, 0x4B])
        if type.contains("spreadsheetml") || (isZip && type.contains("excel")) {
            self = .file(fileExtension: "xlsx")
        } else if type.contains("ms-excel") {
            self = .file(fileExtension: "xls")
        } else if isZip || type.contains("zip") {
            self = .file(fileExtension: Self.isWorkbook(body) ? "xlsx" : "zip")
        } else if type.contains("csv") {
            self = .file(fileExtension: "csv")
        } else if type.contains("json") || body.first == UInt8(ascii: "{") || body.first == UInt8(ascii: "[") {
            self = .file(fileExtension: "json")
        } else if type.contains("pdf") || body.starts(with: Array("%PDF".utf8)) {
            self = .file(fileExtension: "pdf")
        } else if type.hasPrefix("text/") {
            self = .file(fileExtension: "txt")
        } else {
            self = .file(fileExtension: "bin")
        }
    }

    /// The extension of a server-sent file name, if it is one we save: path parts and odd characters are ignored.
    static func `extension`(fromFileName name: String?) -> String? {
        guard let name else { return nil }
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let ext = base[base.index(after: dot)...].lowercased()
        return allowedExtensions.contains(ext) ? ext : nil
    }

    /// A zip whose entries include `[Content_Types].xml` (an OOXML package) within its first few KiB.
    static func isWorkbook(_ body: [UInt8]) -> Bool {
        let marker = Array("[Content_Types].xml".utf8)
        let head = body.prefix(8192)
        guard head.count >= marker.count else { return false }
        return (head.startIndex...(head.endIndex - marker.count)).contains {
            head[$0..<$0 + marker.count].elementsEqual(marker)
        }
    }

    /// `OK`, `{}`, `OK {}` and blank bodies, in any case and spacing.
    static func isAcknowledgement(_ body: [UInt8]) -> Bool {
        guard body.count <= 64 else { return false }
        let text = String(decoding: body, as: UTF8.self).filter { !$0.isWhitespace }.uppercased()
        return ["", "OK", "{}", "OK{}", "\"OK\""].contains(text)
    }
}
