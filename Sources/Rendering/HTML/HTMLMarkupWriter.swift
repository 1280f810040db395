/// HTML on top of ``XMLStreamWriter``: non-void elements always get an end tag, void elements none,
/// and text loses what HTML cannot carry before libxml2 escapes it.
///
/// Every value passes through libxml2's escaping; markup is only ever written raw from templates.
final class HTMLMarkupWriter {
    private let writer: XMLStreamWriter
    private var openElements: [String] = []

    /// Sends the document's bytes to `sink` as libxml2 produces them.
    init(sink: @escaping XMLStreamWriter.Sink) throws {
        writer = try XMLStreamWriter(policy: .dropInvalid, sink: sink)
    }

    /// Opens `name` with `attributes`; close it with ``close()``.
    func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) throws {
        try writer.startElement(name)
        for (key, value) in attributes { try writer.attribute(key, Self.clean(value)) }
        openElements.append(name)
    }

    /// Closes the innermost open element with an explicit end tag, as HTML requires for non-void elements.
    func close() throws {
        precondition(!openElements.isEmpty, "close() without an open element")
        openElements.removeLast()
        try writer.fullEndElement()
    }

    /// Writes `<name attributes>text</name>`.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) throws {
        try open(name, attributes)
        try self.text(text)
        try close()
    }

    /// Writes `<name attributes>`, its content from `body`, and `</name>`.
    func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: () throws -> Void
    ) throws {
        try open(name, attributes)
        try body()
        try close()
    }

    /// Writes an element that has no end tag: a void HTML element (`input`, `br`) or an empty SVG shape.
    func void(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) throws {
        try writer.startElement(name)
        for (key, value) in attributes { try writer.attribute(key, Self.clean(value)) }
        try writer.endElement()
    }

    /// Writes text, escaped by libxml2.
    func text(_ value: String) throws {
        try writer.text(Self.clean(value))
    }

    /// Writes trusted template markup (the frame, its CSS, script and logo) as it is.
    func raw(trusted markup: String) throws {
        try writer.raw(trusted: markup)
    }

    /// Flushes everything to the sink.
    func finish() throws {
        precondition(openElements.isEmpty, "unclosed elements: \(openElements)")
        try writer.finish()
    }

    /// libxml2 writes a carriage return as `&#13;`, which HTML parsers reject as a control-character
    /// reference; a line break reads the same, so CR and CRLF become LF.
    static func clean(_ value: String) -> String {
        guard value.utf8.contains(13) else { return value }
        return value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
