import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` package a manifest needs: the first sheet's name and XML, and the shared strings.
struct XLSXWorkbookPackage {
    /// The most bytes one part may unpack to: a manifest sheet is far smaller, a zip bomb is not.
    static let maximumPartBytes = 256 << 20

    let sheetName: String
    /// The sheet's path inside the package (`xl/worksheets/sheet1.xml`), for errors.
    let sheetPath: String
    let sheetXML: Data
    let sharedStringsXML: Data?

    /// Opens the package in `data`; `file` names it in errors.
    init(data: Data, file: String) throws {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ManifestError("\(file): not a readable .xlsx workbook (the zip package cannot be opened)")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    if data.count > Self.maximumPartBytes { throw CocoaError(.fileReadTooLarge) }
                }
            } catch {
                throw ManifestError("\(file): cannot unpack \(path) from the workbook (\(error.localizedDescription))")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw ManifestError("\(file): not an .xlsx workbook (no xl/workbook.xml)")
        }
        let (name, relationship) = try Self.firstSheet(workbook, file: file)
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let relationship, let rels = try part("xl/_rels/workbook.xml.rels"),
            let target = try Self.target(of: relationship, in: rels, file: file)
        {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        guard let sheet = try part(sheetPath) else {
            throw ManifestError("\(file): the workbook's first sheet \(name) (\(sheetPath)) is missing")
        }
        sheetName = name
        self.sheetPath = sheetPath
        sheetXML = sheet
        sharedStringsXML = try part("xl/sharedStrings.xml")
    }

    /// The first `<sheet>` of `workbook.xml`: its name and relationship id.
    private static func firstSheet(_ workbook: Data, file: String) throws -> (String, String?) {
        let reader = try XMLPullReader(data: workbook, part: "xl/workbook.xml")
        while let event = try next(reader, file: file) {
            if case .start("sheet", let attributes) = event {
                return (attributes["name"] ?? "Sheet1", attributes["id"])
            }
        }
        throw ManifestError("\(file): the workbook has no sheet")
    }

    /// The `Target` of relationship `id` in `workbook.xml.rels`.
    private static func target(of id: String, in rels: Data, file: String) throws -> String? {
        let reader = try XMLPullReader(data: rels, part: "xl/_rels/workbook.xml.rels")
        while let event = try next(reader, file: file) {
            if case .start("Relationship", let attributes) = event, attributes["Id"] == id {
                return attributes["Target"]
            }
        }
        return nil
    }

    /// The next event, with a reader failure turned into a manifest error naming the file and part
    /// (`servers.xlsx:xl/sharedStrings.xml: …`).
    static func next(_ reader: XMLPullReader, file: String) throws -> XMLPullReader.Event? {
        do {
            return try reader.next()
        } catch let failure as XMLPullReader.Failure {
            throw ManifestError("\(file):\(failure.part): \(failure.message)")
        }
    }
}
