import Foundation
import ReportModel

/// One HTML report being written: the render context and the markup writer, filling the frame's slots.
struct HTMLPage {
    let html: HTMLMarkupWriter
    let context: RenderContext
    /// True when the page is printed to PDF: problem servers' details are open, so they print in full.
    var forPrint = false

    var strings: StringTable { context.strings }
    var summary: ConsistencySummary { context.summary }

    /// Writes the doctype, `<html lang>`, and the frame with every slot filled.
    func write(_ frame: HTMLFrame) throws {
        try html.raw(trusted: "<!DOCTYPE html>\n")
        try html.element("html", ["lang": context.report.language.bcp47]) {
            for piece in frame.pieces {
                switch piece {
                case .markup(let markup): try html.raw(trusted: markup)
                case .slot(let slot): try fill(slot, from: frame)
                }
            }
        }
    }

    private func fill(_ slot: HTMLFrame.Slot, from frame: HTMLFrame) throws {
        switch slot {
        case .title: try html.text(context.title)
        case .style:
            try html.raw(trusted: frame.style)
            try html.raw(trusted: HTMLPrintStyle.pageRules(title: context.title, strings: strings))
            // Only reports with max_age carry the mark's rules, so every other report stays byte for byte as it was.
            if context.report.maxAge != nil { try html.raw(trusted: HTMLPrintStyle.staleRules) }
        case .script: try html.raw(trusted: frame.script)
        case .logo: try html.raw(trusted: frame.logo)
        case .header: try writeHeader()
        case .content:
            try writeTotals()
            try writeChanges()
            try writeCharts()
            try writeMethod()
            try writeRun()
            try writeServers()
            try writeDirectories()
            try writePrintedTail()
            try writeErrors()
            try writeCoverage()
            try writeWaivers()
            try writeExports()
            try writeSignOff()
        case .footer: try writeFooter()
        }
    }

    /// The display form of a time in the report's zone: `2020-08-26 17:56:41 (UTC+08:00)`.
    func time(_ date: Date) -> String { context.displayTime(date) }

    /// The status badge: a coloured word, the same in every table.
    func badge(_ status: ServerStatus) throws {
        try html.element("span", ["class": "badge s-\(status.rawValue)"], text: strings.status(status))
    }

    /// The stale mark beside a server's status badge, with the age (SPEC 9); nothing for a fresh server or a
    /// report without `max_age`.
    /// `inTable` puts it on its own line under the badge; in a details summary it follows the badge.
    func staleMark(_ server: ServerSummary, inTable: Bool) throws {
        guard let freshness = context.freshness(of: server), let mark = strings.staleMark(freshness) else { return }
        try html.element("span", ["class": inTable ? "line sub stale" : "stale"], text: mark)
    }

    /// A section with a heading whose id labels it.
    func section(_ id: String, heading: String, _ body: () throws -> Void) throws {
        try html.element("section", ["id": id, "aria-labelledby": "\(id)-h"]) {
            try html.element("h2", ["id": "\(id)-h"], text: heading)
            try body()
        }
    }

    /// A `<dl>` row: label and value.
    func fact(_ label: String, _ value: String, valueClass: String? = nil) throws {
        try html.element("div") {
            try html.element("dt", text: label)
            if let valueClass {
                try html.element("dd", ["class": valueClass], text: value)
            } else {
                try html.element("dd", text: value)
            }
        }
    }
}
