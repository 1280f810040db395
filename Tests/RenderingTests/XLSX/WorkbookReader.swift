import Foundation
import ReportModel
import ReportTemplates
import TestSupport
import ZIPFoundation

@testable import Rendering

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A rendered workbook read back for tests: its zip entries with ZIPFoundation, its sheets with XMLParser.
struct WorkbookReader {
    let url: URL
    let entries: [(path: String, modified: Date, data: Data)]

    /// Opens the `.xlsx` at `url` and extracts every entry into memory.
    init(url: URL) throws {
        self.url = url
        let archive = try Archive(url: url, accessMode: .read)
        var entries: [(String, Date, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries.append((entry.path, entry.fileAttributes[.modificationDate] as? Date ?? .distantPast, data))
        }
        self.entries = entries
    }

    /// The bytes of part `path`.
    func part(_ path: String) -> Data? { entries.first { $0.path == path }?.data }

    /// The sheet names in workbook order.
    func sheetNames() throws -> [String] {
        try XMLElements(part(XLSXPackageParts.workbookPath) ?? Data()).all.filter { $0.name == "sheet" }
            .map { $0.attributes["name"] ?? "" }
    }

    /// The cells of sheet `number` (1-based), row by row.
    func rows(ofSheet number: Int) throws -> [[Cell]] {
        let elements = try XMLElements(part("xl/worksheets/sheet\(number).xml") ?? Data())
        return elements.rows
    }

    /// One cell as written: its reference, type, style index and value or inline text.
    struct Cell: Equatable {
        var reference: String
        var type: String?
        var style: Int
        var value: String
    }
}

/// A flat list of the elements of an XML document, with the cells of a sheet grouped by row.
struct XMLElements {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var all: [Element] = []
    private(set) var rows: [[WorkbookReader.Cell]] = []

    /// Parses `data`; throws when it is not well-formed XML.
    init(_ data: Data) throws {
        let delegate = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw XMLElementsError(description: parser.parserError.map { "\($0)" } ?? "parse failed")
        }
        all = delegate.elements
        rows = delegate.rows
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var rows: [[WorkbookReader.Cell]] = []
        var cell: WorkbookReader.Cell?
        var text: String?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            elements.append(Element(name: name, attributes: attributes))
            switch name {
            case "row": rows.append([])
            case "c":
                cell = WorkbookReader.Cell(
                    reference: attributes["r"] ?? "", type: attributes["t"], style: Int(attributes["s"] ?? "0") ?? 0,
                    value: "")
            case "v", "t": text = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text?.append(string) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t":
                cell?.value += text ?? ""
                text = nil
            case "c":
                if let cell { rows[rows.count - 1].append(cell) }
                cell = nil
            default: break
            }
        }
    }
}

/// The XML of a part could not be parsed.
struct XMLElementsError: Error, CustomStringConvertible {
    let description: String
}

/// Builds render contexts from fixtures for the XLSX tests.
enum XLSXFixture {
    /// The hostile snapshot rendered in `language`, generated at 2026-11-20T01:02:03Z.
    static func context(
        _ language: ReportLanguage = .enUS, snapshot: ResultsSnapshot? = nil, title: String? = nil
    ) throws -> RenderContext {
        let snapshot = try snapshot ?? ResultsSnapshot(jsonData: Fixtures.data("hostile-results.json"))
        let templates = TemplateSet(bundled: BundledTemplates.files)
        return RenderContext(
            report: ReportDefinition(
                name: "hostile-\(language.rawValue)", language: language, formats: [.xlsx], title: title),
            strings: try templates.strings(for: language), snapshot: snapshot,
            summary: ConsistencySummary(tasks: snapshot.tasks), templates: templates,
            generatedAt: Date(timeIntervalSince1970: 1_795_136_523))
    }

    /// Renders `context` into a fresh temporary folder and returns the workbook's URL.
    static func render(
        _ context: RenderContext, limits: XLSXLimits = .excel, compression: XLSXCompression = .standard
    ) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-test-\(UUID().uuidString)")
        let urls = try XLSXReportRenderer(limits: limits, compression: compression)
            .render(context, to: OutputFolder(url: folder))
        return urls[0]
    }
}
