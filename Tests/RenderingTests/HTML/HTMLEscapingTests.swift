import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The hostile-strings fixture: every value reaches the page as text, through libxml2's escaping.
@Suite struct HTMLEscapingTests {
    let html: String
    let snapshot: ResultsSnapshot

    init() throws {
        snapshot = try HTMLRendering.hostile()
        html = try HTMLRendering.render(snapshot).text
    }

    @Test func markupInDataIsText() {
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("/root/&lt;b&gt;data&lt;/b&gt;"))
        #expect(html.contains("hostile &lt;manifest&gt;.csv"))
        #expect(html.contains("t-404 &lt;x&gt;"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("alert('raw')"), "raw bodies of unrecognized responses stay in results.json")
    }

    @Test func onlyTheTemplateScriptsRun() {
        let scripts = HTMLRendering.tags(html).filter { $0.lowercased().hasPrefix("<script") }
        #expect(scripts == ["<script>", "<script>"])
        let handlers = HTMLRendering.tags(html).filter {
            $0.range(of: #"\son[a-z]+="#, options: .regularExpression) != nil
        }
        #expect(handlers.isEmpty, "event handler attributes: \(handlers)")
    }

    @Test func controlCharactersAreDropped() {
        for scalar in html.unicodeScalars {
            let value = scalar.value
            let allowed = value == 0x09 || value == 0x0A || (value >= 0x20 && value < 0x7F) || value > 0x9F
            #expect(allowed, "control character U+\(String(value, radix: 16)) in output")
            if !allowed { break }
        }
        #expect(html.contains("ctrl end _x0041_ literal"))
        #expect(!html.contains("&#13;"), "a CR reference is a parse error in HTML")
        #expect(html.contains("/tab\there/new\nline\n"))
    }

    @Test(arguments: ["s-rtl", "s-255", "t-emoji", "s-long"])
    func namesArriveWhole(key: String) throws {
        let task = try #require(snapshot.tasks.first { $0.sourceID == key || $0.taskID == key })
        #expect(html.contains(task.sourceName), "name of \(key) is not intact")
    }

    @Test func rightToLeftNamesAreIsolated() {
        // A right-to-left override in a name must not reorder the text around it.
        #expect(html.contains("unicode-bidi: isolate"))
        let rtl = HTMLRendering.matches(
            of: ##"<a href="#server-\d+" class="clamp">([^<]*\u202Eevil[^<]*)</a>"##, in: html, group: 1)
        #expect(rtl.count == 1)
        #expect(rtl.first?.contains("\u{202E}evil\u{202C}") == true)
    }
}
