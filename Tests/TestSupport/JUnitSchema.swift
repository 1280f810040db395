import CLibXML2
import Foundation

/// Validates JUnit files against Jenkins' `junit-10.xsd` (the `junit-10.xsd` fixture) with libxml2's schema
/// validator, so that every JUnit test checks what Jenkins would accept (SPEC 8.2 "JUnit").
public enum JUnitSchema {
    /// The messages of what libxml2 finds wrong in the file at `url`; empty when it is valid.
    public static func problems(in url: URL) -> [String] {
        let messages = Messages()
        let box = Unmanaged.passRetained(messages)
        defer { box.release() }
        guard let parser = xmlSchemaNewParserCtxt(Fixtures.url("junit-10.xsd").path) else {
            return ["cannot read junit-10.xsd"]
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, Self.collect, box.toOpaque())
        guard let schema = xmlSchemaParse(parser) else { return ["junit-10.xsd: "] + messages.lines }
        defer { xmlSchemaFree(schema) }
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return ["cannot make a schema validator"] }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, Self.collect, box.toOpaque())
        let result = xmlSchemaValidateFile(validator, url.path, 0)
        if result != 0 && messages.lines.isEmpty { return ["libxml2 result \(result)"] }
        return messages.lines
    }

    /// The messages libxml2 reports, gathered through its callback.
    private final class Messages {
        var lines: [String] = []
    }

    /// libxml2's structured-error callback: appends `line N: message` to the ``Messages`` in `context`.
    private static let collect: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let messages = Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue()
        let text = error.pointee.message.map { String(cString: $0) } ?? "?"
        messages.lines.append("line \(error.pointee.line): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
}
