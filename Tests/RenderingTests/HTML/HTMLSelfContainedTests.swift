import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The page asks for nothing outside itself: no URL in any tag, stylesheet or script, whatever the data says.
@Suite struct HTMLSelfContainedTests {
    @Test(arguments: ReportLanguage.allCases)
    func noExternalReference(language: ReportLanguage) throws {
        // The fixture holds "http://evil.example" as text; only markup, CSS and script are scanned.
        let html = try HTMLRendering.render(HTMLRendering.hostile(), language: language).text
        let markup =
            HTMLRendering.tags(html) + HTMLRendering.contents(of: "style", in: html)
            + HTMLRendering.contents(of: "script", in: html)
        #expect(markup.count > 100)
        for piece in markup {
            for forbidden in ["http:", "https:", "//", "src=", "url(", "@import", "xlink:href", "action=", "srcset"] {
                #expect(!piece.lowercased().contains(forbidden), "\(forbidden) in \(piece.prefix(120))")
            }
        }
        let links = HTMLRendering.matches(of: #"href="([^"]*)""#, in: html, group: 1)
        #expect(!links.isEmpty)
        #expect(
            links.allSatisfy { $0.hasPrefix("#server-") },
            "links leave the page: \(links.filter { !$0.hasPrefix("#") })")
    }

    @Test func readableWithoutScript() throws {
        let html = try HTMLRendering.render(HTMLRendering.plain()).text
        // The controls only work with script, so they start hidden; the table and details are plain markup.
        #expect(html.contains("<div id=\"servers-controls\" class=\"controls\" hidden=\"\">"))
        #expect(HTMLRendering.count("<tr data-status=", in: html) == 4)
        #expect(html.contains("<td>/var/lib</td>"))
    }
}
