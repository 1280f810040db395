import Foundation
import Testing

/// Compares rendered bytes with a reviewed file under `Golden/Files`, byte for byte (BOM and CRLF included).
///
/// With `SMSREPORT_RECORD_GOLDEN=1` the file is written instead and the test fails, saying it recorded, so that a
/// recording never passes silently: review the diff, commit it, run again without the variable.
enum GoldenFile {
    /// The golden files, found next to this source file so that the tests need no resource bundle.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Files")

    /// True when the environment asks to re-record the golden files.
    static var recording: Bool { ProcessInfo.processInfo.environment["SMSREPORT_RECORD_GOLDEN"] == "1" }

    /// Checks `actual` against golden file `name`; a mismatch fails with the first differing lines.
    static func check(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            Issue.record(
                "recorded golden file \(name) (SMSREPORT_RECORD_GOLDEN=1): review it, then run without the variable",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "no golden file \(name): record it with SMSREPORT_RECORD_GOLDEN=1 and review it",
                sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let message =
            "\(name) differs from its golden file (re-record with SMSREPORT_RECORD_GOLDEN=1 if intended):\n"
            + firstDifference(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// `data` with a line break put before every occurrence of each of `tags`, so that a diff of a document written
    /// without line breaks (a sheet, a JUnit file, a page's body) shows one element per line.
    ///
    /// No tag may start another, and the document may not already hold a line break right before a tag (checked):
    /// then the line breaks can be taken out again exactly, so comparing readable forms compares the bytes.
    static func readable(
        _ data: Data, breakingBefore tags: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        for tag in tags {
            #expect(!text.contains("\n" + tag), "already a line break before \(tag)", sourceLocation: sourceLocation)
            #expect(
                !tags.contains { $0 != tag && $0.hasPrefix(tag) }, "\(tag) starts another tag",
                sourceLocation: sourceLocation)
            text = text.replacingOccurrences(of: tag, with: "\n" + tag)
        }
        return Data(text.utf8)
    }

    /// The first differing line of two texts with a little context, line breaks and invisible bytes spelled out;
    /// long lines are cut to the stretch around their first differing character.
    static func firstDifference(expected: Data, actual: Data, context: Int = 2) -> String {
        let old = lines(expected)
        let new = lines(actual)
        let differing = (0..<min(old.count, new.count)).first { old[$0] != new[$0] }
        guard let first = differing ?? (old.count != new.count ? min(old.count, new.count) : nil) else {
            return "(the same lines, different bytes)"
        }
        var text = "first difference at line \(first + 1) (golden: \(old.count) lines, now: \(new.count))\n"
        for index in max(0, first - context)..<first { text += "  \(index + 1)  \(cut(old[index], around: 0))\n" }
        let a = first < old.count ? old[first] : "(no line)"
        let b = first < new.count ? new[first] : "(no line)"
        let column = zip(a, b).prefix { $0.0 == $0.1 }.count
        text += "- \(first + 1)  \(cut(a, around: column))\n"
        text += "+ \(first + 1)  \(cut(b, around: column))\n"
        return text
    }

    /// `line` cut to about 200 characters around `column`, with `…` where it was cut.
    private static func cut(_ line: String, around column: Int) -> String {
        let characters = Array(line)
        guard characters.count > 200 else { return line }
        let start = max(0, min(column - 80, characters.count - 200))
        let end = min(characters.count, start + 200)
        return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
    }

    /// `data` split at each LF, with CR, BOM, tabs and other control characters made visible.
    private static func lines(_ data: Data) -> [String] {
        // Split on the byte: as Characters, "\r\n" is one and would not split at "\n".
        data.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            var shown = ""
            for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
                switch scalar {
                case "\r": shown += "\\r"
                case "\t": shown += "\\t"
                case "\u{FEFF}": shown += "<BOM>"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    shown += "\\u{\(String(scalar.value, radix: 16))}"
                default: shown.unicodeScalars.append(scalar)
                }
            }
            return shown
        }
    }
}
