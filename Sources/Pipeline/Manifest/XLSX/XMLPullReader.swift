import CLibXML2
import Foundation

/// libxml2's streaming reader (`xmlTextReader`) behind a Swift type: the only Pipeline file that imports
/// CLibXML2, and the only owner of the reader pointer. Events come one at a time, so a large sheet is never
/// held as a tree.
final class XMLPullReader {
    /// One step through the document.
    enum Event: Equatable {
        /// An element opens; `attributes` by local name (`r:id` is `id`).
        case start(name: String, attributes: [String: String])
        /// An element closes (also sent right after the `start` of an empty element).
        case end(name: String)
        /// Character data, CDATA or whitespace inside an element.
        case text(String)
    }

    /// The document is not well-formed XML; `part` names the file inside the package.
    struct Failure: Error {
        let part: String
        let message: String
    }

    private let reader: xmlTextReaderPtr
    private let bytes: UnsafeMutableBufferPointer<CChar>
    private let part: String
    private var pendingEnd: String?
    /// The code of the latest error libxml2 reported (`xmlParserErrors`); 0 when none.
    private var lastErrorCode: Int32 = 0

    /// libxml2's codes for a reference to an entity nobody declared.
    private static let undeclaredEntityCodes: Set<Int32> = [
        Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
    ]

    /// A reader over `data`; network access and entity expansion stay off (no XXE, no DTD loading).
    ///
    /// A part that declares a DTD or refers to an entity other than XML's five (numeric character references
    /// are fine) fails (SPEC 8.2 "XLSX manifests"): no workbook writer produces one, and dropping the reference
    /// would silently change a server's name.
    init(data: Data, part: String) throws {
        self.part = part
        bytes = .allocate(capacity: max(data.count, 1))
        _ = bytes.initialize(from: data.map { CChar(bitPattern: $0) })
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let reader = xmlReaderForMemory(bytes.baseAddress, Int32(data.count), part, nil, options) else {
            bytes.deallocate()
            throw Failure(part: part, message: "cannot start the XML reader")
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(reader, Self.recordError, Unmanaged.passUnretained(self).toOpaque())
    }

    /// libxml2's error callback: keeps the error's code on the reader in `context`.
    private static let recordError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLPullReader>.fromOpaque(context).takeUnretainedValue().lastErrorCode = error.pointee.code
    }

    deinit {
        xmlFreeTextReader(reader)
        bytes.deallocate()
    }

    /// The next event, or nil at the end of the document.
    func next() throws -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            let line = xmlTextReaderGetParserLineNumber(reader)
            guard status == 1 else {
                if Self.undeclaredEntityCodes.contains(lastErrorCode) { throw entityFailure(line: line) }
                throw Failure(part: part, message: "not well-formed XML near line \(line)")
            }
            switch xmlTextReaderNodeType(reader) {
            case 10:  // <!DOCTYPE …>
                throw Failure(
                    part: part,
                    message: "declares a DTD (<!DOCTYPE …>) near line \(line), which a workbook part never has; "
                        + "its entities are not expanded")
            case 5:  // a reference to a declared entity, left unexpanded
                throw entityFailure(line: line)
            case 1:  // element
                let name = string(xmlTextReaderConstLocalName(reader))
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                var attributes: [String: String] = [:]
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    attributes[string(xmlTextReaderConstLocalName(reader))] = string(xmlTextReaderConstValue(reader))
                }
                xmlTextReaderMoveToElement(reader)
                if empty { pendingEnd = name }
                return .start(name: name, attributes: attributes)
            case 15:  // end element
                return .end(name: string(xmlTextReaderConstLocalName(reader)))
            case 3, 4, 13, 14:  // text, CDATA, whitespace, significant whitespace
                return .text(string(xmlTextReaderConstValue(reader)))
            default:
                continue
            }
        }
    }

    /// The failure for a reference to an entity other than XML's five.
    private func entityFailure(line: Int32) -> Failure {
        Failure(
            part: part,
            message: "uses an entity other than XML's five (&lt; &gt; &amp; &quot; &apos;) near line \(line); "
                + "entities are never expanded, so the value cannot be read as written")
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
