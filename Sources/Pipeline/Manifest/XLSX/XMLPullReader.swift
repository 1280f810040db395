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

    /// A reader over `data`; network access and entity expansion stay off (no XXE, no DTD loading).
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
            guard status == 1 else {
                throw Failure(
                    part: part, message: "not well-formed XML near line \(xmlTextReaderGetParserLineNumber(reader))")
            }
            switch xmlTextReaderNodeType(reader) {
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

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
