import Foundation
import ReportModel
import Testing

@testable import Rendering

/// The page frame: slot markers, required slots, and a `--templates` folder replacing the bundled frame.
@Suite struct HTMLFrameTests {
    static let minimalFrame = """
        <head><title><!-- smsreport:slot title --></title><style><!-- smsreport:slot style --></style></head>
        <body><!--smsreport:slot   header--><p>BRAND-X</p><!-- smsreport:slot content -->
        <!-- smsreport:slot footer --></body>
        """

    /// A fresh override folder holding `files` (relative path → text).
    static func overrideFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-frame-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func cutsTheFrameAtItsSlots() throws {
        let pieces = try HTMLFrame.pieces(of: Self.minimalFrame, path: "frame.html")
        let slots = pieces.compactMap { if case .slot(let slot) = $0 { slot } else { nil } }
        #expect(slots == [.title, .style, .header, .content, .footer])
        #expect(pieces.first == .markup("<head><title>"))
        #expect(pieces.contains(.markup("<p>BRAND-X</p>")))
    }

    @Test(arguments: HTMLFrame.Slot.allCases.filter(\.isRequired))
    func missingRequiredSlotNamesFileAndSlot(slot: HTMLFrame.Slot) throws {
        let frame = Self.minimalFrame.replacingOccurrences(
            of: #"<!--\s*smsreport:slot\s+\#(slot.rawValue)\s*-->"#, with: "", options: .regularExpression)
        let error = try #require(throws: TemplateError.self) { try HTMLFrame.pieces(of: frame, path: "/x/frame.html") }
        #expect(error.description.hasPrefix("/x/frame.html: "))
        #expect(error.description.contains("required slot \"\(slot.rawValue)\" is missing"))
    }

    @Test(arguments: [
        ("<!-- smsreport:slot sidebar -->", "unknown slot \"sidebar\""),
        ("<!-- smsreport:slot content -->", "slot \"content\" appears more than once"),
        ("<!-- smsreport:slot -->", "a slot marker is malformed"),
    ])
    func refusesBadMarkers(extra: String, reason: String) throws {
        let error = try #require(throws: TemplateError.self) {
            try HTMLFrame.pieces(of: Self.minimalFrame + extra, path: "frame.html")
        }
        #expect(error.description.contains(reason))
    }

    @Test func overrideFolderReplacesTheFrameAndKeepsBundledFiles() throws {
        let folder = try Self.overrideFolder(["html/frame.html": Self.minimalFrame])
        let html = try HTMLRendering.render(HTMLRendering.plain(), templates: HTMLRendering.templates(override: folder))
            .text
        #expect(html.contains("<p>BRAND-X</p>"))
        #expect(html.contains("--brand: #0b5cad"), "the bundled style.css still fills the style slot")
        #expect(!html.contains("<script>"), "a frame without the script slot has no script")
        #expect(html.contains("<section id=\"servers\""))
    }

    @Test func brokenOverrideFrameFailsBeforeWritingAnything() throws {
        let folder = try Self.overrideFolder([
            "html/frame.html": Self.minimalFrame.replacingOccurrences(of: "<!-- smsreport:slot content -->", with: "")
        ])
        let error = try #require(throws: TemplateError.self) {
            try HTMLRendering.render(HTMLRendering.plain(), templates: HTMLRendering.templates(override: folder))
        }
        #expect(error.path == folder.appendingPathComponent("html/frame.html").path)
        #expect(error.reason.contains("\"content\""))
    }

    @Test(arguments: [
        ("html/style.css", "p { color: red } </style><script>", "</style"),
        ("html/report.js", "var x = '</script>';", "</script"),
    ])
    func refusesAssetsThatWouldEndTheirElement(path: String, text: String, sequence: String) throws {
        let folder = try Self.overrideFolder([path: text])
        let error = try #require(throws: TemplateError.self) {
            try HTMLFrame(templates: HTMLRendering.templates(override: folder))
        }
        #expect(error.path.hasSuffix(path))
        #expect(error.reason.contains(sequence))
    }
}
