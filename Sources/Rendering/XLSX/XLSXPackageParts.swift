import Foundation
import ReportModel

/// The small XML parts of the package: content types, relationships, workbook and document properties.
enum XLSXPackageParts {
    static let contentTypesPath = "[Content_Types].xml"
    static let rootRelationshipsPath = "_rels/.rels"
    static let workbookPath = "xl/workbook.xml"
    static let workbookRelationshipsPath = "xl/_rels/workbook.xml.rels"
    static let stylesPath = "xl/styles.xml"
    static let corePropertiesPath = "docProps/core.xml"
    static let appPropertiesPath = "docProps/app.xml"

    /// A small XML document written through libxml2 into memory.
    static func document(_ body: (XMLStreamWriter) throws -> Void) throws -> Data {
        var data = Data()
        let xml = try XMLStreamWriter(policy: .escapeOOXML) { data.append(contentsOf: $0) }
        try body(xml)
        try xml.finish()
        return data
    }

    /// `[Content_Types].xml`: the type of every part.
    static func contentTypes(sheetCount: Int) throws -> Data {
        let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        return try document { xml in
            try xml.startDocument()
            try xml.startElement("Types")
            try xml.attribute("xmlns", XLSXNamespace.contentTypes)
            try xml.emptyElement(
                "Default",
                ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
            try xml.emptyElement("Default", ["Extension": "xml", "ContentType": "application/xml"])
            try xml.emptyElement(
                "Override", ["PartName": "/" + workbookPath, "ContentType": spreadsheet + ".sheet.main+xml"])
            for number in 1...sheetCount {
                try xml.emptyElement(
                    "Override",
                    ["PartName": "/xl/worksheets/sheet\(number).xml", "ContentType": spreadsheet + ".worksheet+xml"])
            }
            try xml.emptyElement(
                "Override", ["PartName": "/" + stylesPath, "ContentType": spreadsheet + ".styles+xml"])
            try xml.emptyElement(
                "Override",
                [
                    "PartName": "/" + corePropertiesPath,
                    "ContentType": "application/vnd.openxmlformats-package.core-properties+xml",
                ])
            try xml.emptyElement(
                "Override",
                [
                    "PartName": "/" + appPropertiesPath,
                    "ContentType": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                ])
            try xml.endElement()
        }
    }

    /// `_rels/.rels`: the workbook and the document properties.
    static func rootRelationships() throws -> Data {
        try relationships([
            ("rId1", XLSXNamespace.officeDocumentType, workbookPath),
            ("rId2", XLSXNamespace.corePropertiesType, corePropertiesPath),
            ("rId3", XLSXNamespace.extendedPropertiesType, appPropertiesPath),
        ])
    }

    /// `xl/_rels/workbook.xml.rels`: the sheets (`rId1`…) and the styles.
    static func workbookRelationships(sheetCount: Int) throws -> Data {
        var entries = (1...sheetCount).map { ("rId\($0)", XLSXNamespace.worksheetType, "worksheets/sheet\($0).xml") }
        entries.append(("rId\(sheetCount + 1)", XLSXNamespace.stylesType, "styles.xml"))
        return try relationships(entries)
    }

    /// `xl/workbook.xml`: sheet names in order, the hidden names Excel keeps for autofilters, and the print
    /// titles that repeat each table's header row on every printed page.
    static func workbook(sheets: [XLSXWorkbookPlan.Sheet], filterRanges: [Int: String]) throws -> Data {
        try document { xml in
            try xml.startDocument()
            try xml.startElement("workbook")
            try xml.attribute("xmlns", XLSXNamespace.main)
            try xml.attribute("xmlns:r", XLSXNamespace.relationships)
            try xml.startElement("bookViews")
            try xml.emptyElement("workbookView", ["activeTab": "0"])
            try xml.endElement()
            try xml.startElement("sheets")
            for sheet in sheets {
                try xml.emptyElement(
                    "sheet", ["name": sheet.name, "sheetId": String(sheet.number), "r:id": "rId\(sheet.number)"])
            }
            try xml.endElement()
            if !filterRanges.isEmpty {
                try xml.startElement("definedNames")
                for sheet in sheets {
                    guard let range = filterRanges[sheet.number] else { continue }
                    let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                    try xml.startElement("definedName")
                    try xml.attribute("name", "_xlnm._FilterDatabase")
                    try xml.attribute("localSheetId", String(sheet.number - 1))
                    try xml.attribute("hidden", "1")
                    try xml.text(quoted + "!" + range)
                    try xml.endElement()
                    try xml.startElement("definedName")
                    try xml.attribute("name", "_xlnm.Print_Titles")
                    try xml.attribute("localSheetId", String(sheet.number - 1))
                    try xml.text(quoted + "!$1:$1")
                    try xml.endElement()
                }
                try xml.endElement()
            }
            try xml.endElement()
        }
    }

    /// `docProps/core.xml`: title, creator `smsreport`, language, and creation time pinned to `generatedAt`.
    static func coreProperties(title: String, language: ReportLanguage, generatedAt: Date) throws -> Data {
        try document { xml in
            try xml.startDocument()
            try xml.startElement("cp:coreProperties")
            try xml.attribute("xmlns:cp", XLSXNamespace.coreProperties)
            try xml.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
            try xml.attribute("xmlns:dcterms", "http://purl.org/dc/terms/")
            try xml.attribute("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
            try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
            try xml.element("dc:title", text: title)
            try xml.element("dc:creator", text: "smsreport")
            try xml.element("cp:lastModifiedBy", text: "smsreport")
            try xml.element("dc:language", text: language.bcp47)
            for name in ["dcterms:created", "dcterms:modified"] {
                try xml.element(name, attributes: ["xsi:type": "dcterms:W3CDTF"], text: ReportTime.iso8601(generatedAt))
            }
            try xml.endElement()
        }
    }

    /// `docProps/app.xml`: the application name.
    static func appProperties() throws -> Data {
        try document { xml in
            try xml.startDocument()
            try xml.startElement("Properties")
            try xml.attribute("xmlns", XLSXNamespace.extendedProperties)
            try xml.element("Application", text: "smsreport")
            try xml.element("DocSecurity", text: "0")
            try xml.element("ScaleCrop", text: "false")
            try xml.endElement()
        }
    }

    private static func relationships(_ entries: [(id: String, type: String, target: String)]) throws -> Data {
        try document { xml in
            try xml.startDocument()
            try xml.startElement("Relationships")
            try xml.attribute("xmlns", XLSXNamespace.packageRelationships)
            for entry in entries {
                try xml.emptyElement("Relationship", ["Id": entry.id, "Type": entry.type, "Target": entry.target])
            }
            try xml.endElement()
        }
    }
}
