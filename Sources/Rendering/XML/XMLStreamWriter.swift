import CLibXML2

/// A streaming XML writer over libxml2's `xmlTextWriter`: the owner of every libxml2 pointer that writes.
///
/// The rule for libxml2 is one owner per direction: this type for writing (Rendering), and
/// `XMLPullReader` (Pipeline/Manifest/XLSX) for reading `.xlsx` manifests. Each is the only file of its target
/// that imports CLibXML2, and no libxml2 pointer leaves the file: the rest of the code sees Swift values only.
///
/// Every name, attribute value and text goes through the library, which escapes it; text is first made
/// safe with an ``XMLTextPolicy`` because libxml2 writes characters XML 1.0 forbids (U+0001…) as they are.
/// Output goes to a sink closure in chunks, so a document of any size is never held in memory.
public final class XMLStreamWriter {
    /// Receives the serialized bytes in order.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private let writer: xmlTextWriterPtr
    private let box: SinkBox
    private let policy: XMLTextPolicy
    private var finished = false

    /// Creates a writer that sends UTF-8 output to `sink`, applying `policy` to every text and attribute value.
    public init(policy: XMLTextPolicy, sink: @escaping Sink) throws {
        let box = SinkBox(sink: sink)
        let context = Unmanaged.passUnretained(box).toOpaque()
        guard let buffer = xmlOutputBufferCreateIO(xmlStreamWriterWrite, nil, context, nil),
            let writer = xmlNewTextWriter(buffer)
        else {
            throw XMLWriterError(operation: "create writer", underlying: nil)
        }
        self.writer = writer
        self.box = box
        self.policy = policy
    }

    deinit {
        // Frees the writer and its output buffer; the sink is not called again.
        xmlFreeTextWriter(writer)
    }

    /// Writes the XML declaration `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`.
    public func startDocument(standalone: Bool = true) throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", standalone ? "yes" : nil), "start document")
    }

    /// Opens an element; close it with ``endElement()`` or ``fullEndElement()``.
    public func startElement(_ name: String) throws {
        try check(name.withCString { xmlTextWriterStartElement(writer, $0.xml) }, "start element \(name)")
    }

    /// Adds an attribute to the element just opened; the value is escaped by libxml2.
    public func attribute(_ name: String, _ value: String) throws {
        let safe = policy.apply(to: value)
        try check(
            name.withCString { n in safe.withCString { v in xmlTextWriterWriteAttribute(writer, n.xml, v.xml) } },
            "attribute \(name)")
    }

    /// Writes text content; libxml2 escapes it.
    public func text(_ value: String) throws {
        guard !value.isEmpty else { return }
        let safe = policy.apply(to: value)
        try check(safe.withCString { xmlTextWriterWriteString(writer, $0.xml) }, "text")
    }

    /// Closes the open element, as `<x/>` when it has no content.
    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// Closes the open element always as `</x>` (HTML elements that are not void need this).
    public func fullEndElement() throws {
        try check(xmlTextWriterFullEndElement(writer), "end element")
    }

    /// Writes `<name attributes…>text</name>` in one call.
    public func element(_ name: String, attributes: KeyValuePairs<String, String> = [:], text value: String) throws {
        try startElement(name)
        for (key, attributeValue) in attributes { try attribute(key, attributeValue) }
        try text(value)
        try fullEndElement()
    }

    /// Writes markup as it is. Only for trusted constant text from the program or its templates
    /// (a doctype, a template's CSS or script), never for a value from the API or a manifest.
    public func raw(trusted markup: String) throws {
        guard !markup.isEmpty else { return }
        try check(markup.withCString { xmlTextWriterWriteRaw(writer, $0.xml) }, "raw")
    }

    /// Writes trusted markup given as UTF-8 bytes, as ``raw(trusted:)`` does (the same rules), without making a
    /// `String` of it first: for markup a caller builds byte by byte, like the XLSX row markup.
    public func raw(trustedUTF8 markup: UnsafeRawBufferPointer) throws {
        guard let base = markup.baseAddress, markup.count > 0 else { return }
        try check(
            xmlTextWriterWriteRawLen(writer, base.assumingMemoryBound(to: xmlChar.self), Int32(markup.count)), "raw")
    }

    /// Sends everything written so far to the sink without closing anything, and reports a sink failure if one
    /// happened: the end of a fragment (a run of elements another writer continues, as in a chunked XLSX sheet).
    public func flush() throws {
        try check(xmlTextWriterFlush(writer), "flush")
        if let failure = box.failure { throw failure }
    }

    /// Closes every open element, flushes, and reports a sink failure if one happened.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        try check(xmlTextWriterEndDocument(writer), "end document")
        try check(xmlTextWriterFlush(writer), "flush")
        if let failure = box.failure { throw failure }
    }

    private func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
        if result < 0 {
            throw box.failure ?? XMLWriterError(operation: operation(), underlying: nil)
        }
    }
}

/// A libxml2 writer operation failed, or the sink threw.
public struct XMLWriterError: Error, CustomStringConvertible {
    public let operation: String
    public let underlying: (any Error)?

    public var description: String {
        if let underlying { return "XML writer: \(operation): \(underlying)" }
        return "XML writer: \(operation) failed"
    }
}

/// Holds the Swift sink for libxml2's C write callback and remembers the first error it threw.
private final class SinkBox {
    let sink: XMLStreamWriter.Sink
    var failure: (any Error)?

    init(sink: @escaping XMLStreamWriter.Sink) { self.sink = sink }
}

/// libxml2's output callback: hands the bytes to the Swift sink; -1 tells libxml2 the write failed.
private func xmlStreamWriterWrite(
    _ context: UnsafeMutableRawPointer?, _ buffer: UnsafePointer<CChar>?, _ length: Int32
) -> Int32 {
    guard let context, let buffer else { return -1 }
    let box = Unmanaged<SinkBox>.fromOpaque(context).takeUnretainedValue()
    if box.failure != nil { return -1 }
    do {
        try box.sink(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
        return length
    } catch {
        box.failure = XMLWriterError(operation: "write", underlying: error)
        return -1
    }
}

extension UnsafePointer where Pointee == CChar {
    /// The same bytes as libxml2's `xmlChar` (unsigned char).
    fileprivate var xml: UnsafePointer<xmlChar> {
        UnsafeRawPointer(self).assumingMemoryBound(to: xmlChar.self)
    }
}
