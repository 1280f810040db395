/// The namespaces and relationship types of an OOXML spreadsheet package.
enum XLSXNamespace {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    static let officeDocumentType = relationships + "/officeDocument"
    static let worksheetType = relationships + "/worksheet"
    static let stylesType = relationships + "/styles"
    static let extendedPropertiesType = relationships + "/extended-properties"
    static let corePropertiesType =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
}

extension XMLStreamWriter {
    /// Writes `<name attributes…/>`.
    func emptyElement(_ name: String, _ attributes: KeyValuePairs<String, String>) throws {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        try endElement()
    }
}
