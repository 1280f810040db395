import Foundation

/// The page frame of the HTML report: `html/frame.html` cut at its slot markers, plus the template
/// files that fill the style, script and logo slots.
///
/// A slot is a comment of its own, `<!-- smsreport:slot NAME -->`; everything between slots is constant
/// markup written as it is. The frame holds what goes inside `<html lang="…">`.
struct HTMLFrame: Sendable {
    /// A place in the frame that the renderer fills.
    enum Slot: String, CaseIterable, Sendable {
        /// The text of `<title>`.
        case title
        /// The contents of `html/style.css`, inside `<style>`.
        case style
        /// The contents of `html/logo.svg`.
        case logo
        /// The report's title and its main facts.
        case header
        /// Totals, charts, the server table, directory details, errors and exports.
        case content
        /// Run metadata and the generator line.
        case footer
        /// The contents of `html/report.js`, inside `<script>` (sorting and filtering).
        case script

        /// Whether a frame without this slot is refused; a frame may leave out the logo and the script.
        var isRequired: Bool { self != .logo && self != .script }
    }

    /// One piece of the frame, in document order.
    enum Piece: Sendable, Equatable {
        case markup(String)
        case slot(Slot)
    }

    static let framePath = "html/frame.html"
    static let stylePath = "html/style.css"
    static let scriptPath = "html/report.js"
    static let logoPath = "html/logo.svg"

    let pieces: [Piece]
    let style: String
    let script: String
    let logo: String

    /// Loads the frame and the files its slots need, from the override folder first.
    init(templates: TemplateSet) throws {
        let framePath = templates.place(for: Self.framePath)
        pieces = try Self.pieces(of: templates.text(Self.framePath), path: framePath)
        let slots = Set(pieces.compactMap { if case .slot(let slot) = $0 { slot } else { nil } })
        style = try Self.asset(Self.stylePath, from: templates, forbidding: ["</style"])
        script =
            slots.contains(.script)
            ? try Self.asset(Self.scriptPath, from: templates, forbidding: ["</script", "<!--"]) : ""
        logo = slots.contains(.logo) ? try Self.asset(Self.logoPath, from: templates, forbidding: []) : ""
    }

    /// Cuts `frame` at its slot markers; `path` names the file in errors.
    static func pieces(of frame: String, path: String) throws -> [Piece] {
        let marker = try! NSRegularExpression(pattern: #"<!--\s*smsreport:slot\s+([A-Za-z0-9_-]+)\s*-->"#)
        let text = frame as NSString
        var pieces: [Piece] = []
        var seen: Set<Slot> = []
        var cursor = 0
        let matches = marker.matches(in: frame, range: NSRange(location: 0, length: text.length))
        for match in matches {
            let name = text.substring(with: match.range(at: 1))
            guard let slot = Slot(rawValue: name) else {
                let known = Slot.allCases.map(\.rawValue).joined(separator: ", ")
                throw TemplateError(path: path, reason: "unknown slot \"\(name)\" (known slots: \(known))")
            }
            guard seen.insert(slot).inserted else {
                throw TemplateError(path: path, reason: "slot \"\(name)\" appears more than once")
            }
            pieces.append(
                .markup(text.substring(with: NSRange(location: cursor, length: match.range.location - cursor))))
            pieces.append(.slot(slot))
            cursor = match.range.location + match.range.length
        }
        pieces.append(.markup(text.substring(from: cursor)))
        if frame.components(separatedBy: "smsreport:slot").count - 1 != matches.count {
            throw TemplateError(
                path: path, reason: "a slot marker is malformed; write it as <!-- smsreport:slot NAME -->")
        }
        for slot in Slot.allCases where slot.isRequired && !seen.contains(slot) {
            throw TemplateError(
                path: path,
                reason: "required slot \"\(slot.rawValue)\" is missing; add <!-- smsreport:slot \(slot.rawValue) -->")
        }
        return pieces.filter { $0 != .markup("") }
    }

    /// The text of a template file that goes into the page as it is, refused when it contains a
    /// sequence that would end its element early.
    private static func asset(_ path: String, from templates: TemplateSet, forbidding: [String]) throws -> String {
        let text = try templates.text(path)
        for sequence in forbidding where text.range(of: sequence, options: .caseInsensitive) != nil {
            throw TemplateError(path: templates.place(for: path), reason: "must not contain \"\(sequence)\"")
        }
        return text
    }
}
