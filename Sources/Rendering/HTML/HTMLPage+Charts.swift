import Foundation
import ReportModel

extension HTMLPage {
    /// How many servers the "most differences" chart shows.
    static let topServerLimit = 10

    /// Two inline SVG charts computed here: servers by status (a ring) and the servers with the most
    /// differing, missing or extra files (stacked bars).
    func writeCharts() throws {
        try html.element("div", ["class": "charts"]) {
            try html.element("figure", ["class": "chart"]) {
                try html.element("figcaption", text: strings[.htmlChartByStatus])
                try writeStatusRing()
            }
            try html.element("figure", ["class": "chart"]) {
                try html.element("figcaption", text: strings[.htmlChartTopServers])
                try writeTopServers()
            }
        }
    }

    /// The servers with differing, missing or extra files, most first (ties keep report order), at most `limit`.
    static func mostDiffering(_ servers: [ServerSummary], limit: Int) -> [ServerSummary] {
        let ranked = servers.enumerated()
            .map { (index: $0.offset, server: $0.element, weight: Self.weight($0.element.counts)) }
            .filter { $0.weight > 0 }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.index < $1.index }
        return ranked.prefix(limit).map(\.server)
    }

    private static func weight(_ counts: FileCounts) -> Int { counts.differenceCount }

    private func writeStatusRing() throws {
        let totals = summary.totals
        let caption = strings[.htmlChartByStatus]
        try html.element("svg", ["viewBox": "0 0 410 140", "role": "img", "aria-label": caption, "class": "ring"]) {
            try html.void("circle", ["class": "ring-track", "cx": "70", "cy": "70", "r": "56"])
            // Each status is a dash of the ring's stroke, as long as its share of the circumference.
            let circumference = 2 * Double.pi * 56
            var start = 0.0
            for status in ServerStatus.allCases where totals.servers(status) > 0 {
                let share = circumference * Double(totals.servers(status)) / Double(totals.serverCount)
                try html.void(
                    "circle",
                    [
                        "class": "ring-part s-\(status.rawValue)", "cx": "70", "cy": "70", "r": "56",
                        "transform": "rotate(-90 70 70)",
                        "stroke-dasharray": "\(HTMLNumbers.coordinate(share)) \(HTMLNumbers.coordinate(circumference))",
                        "stroke-dashoffset": HTMLNumbers.coordinate(-start),
                    ])
                start += share
            }
            // The centre number shrinks with its length so that it stays inside the ring (94 units across).
            let total = HTMLNumbers.integer(totals.serverCount)
            let size = Self.ringTotalSize(total)
            try html.element(
                "text",
                ["class": "ring-total", "x": "70", "y": "72", "text-anchor": "middle", "font-size": "\(size)"],
                text: total)
            try html.element(
                "text", ["class": "ring-label", "x": "70", "y": "90", "text-anchor": "middle"],
                text: strings[.labelServerCount])
            // Each legend entry has its figure on a line of its own, so a long count cannot overprint the word.
            for (row, status) in ServerStatus.allCases.enumerated() {
                // Five statuses in 140 units: 27 apart, the last figure ending at 136.
                let y = 14 + row * 27
                try html.void(
                    "rect",
                    [
                        "class": "swatch s-\(status.rawValue)", "x": "156", "y": "\(y - 10)", "width": "12",
                        "height": "12", "rx": "3",
                    ])
                try html.element(
                    "text", ["class": "chart-label", "x": "176", "y": "\(y)"], text: strings.status(status))
                let count = totals.servers(status)
                try html.element(
                    "text", ["class": "chart-value", "x": "176", "y": "\(y + 14)"],
                    text: "\(HTMLNumbers.integer(count)) · \(HTMLNumbers.share(count, of: totals.serverCount))")
            }
        }
    }

    private func writeTopServers() throws {
        let top = Self.mostDiffering(summary.servers, limit: Self.topServerLimit)
        guard let largest = top.first.map({ Self.weight($0.counts) }) else {
            let calm = summary.servers.isEmpty ? strings[.htmlNoServers] : strings[.htmlChartNoDifferences]
            try html.element("p", ["class": "chart-empty"], text: calm)
            return
        }
        let width = 640.0
        let legend: [(StringKey, String)] = [
            (.columnDifferentFiles, "different"), (.columnMissingOnTarget, "missing"), (.columnExtraOnTarget, "extra"),
        ]
        let height = 30 + top.count * 40
        try html.element(
            "svg",
            [
                "viewBox": "0 0 640 \(height)", "role": "img", "aria-label": strings[.htmlChartTopServers],
                "class": "bars",
            ]
        ) {
            for (index, (key, part)) in legend.enumerated() {
                let x = index * 200
                try html.void(
                    "rect",
                    ["class": "swatch part-\(part)", "x": "\(x)", "y": "2", "width": "12", "height": "12", "rx": "3"])
                try html.element("text", ["class": "chart-label", "x": "\(x + 18)", "y": "12"], text: strings[key])
            }
            for (row, server) in top.enumerated() {
                let y = 30 + row * 40
                try html.element("text", ["class": "chart-label", "x": "0", "y": "\(y + 12)"]) {
                    try html.element("title", text: server.sourceName)
                    try html.text(Self.shortened(server.sourceName, width: 72))
                }
                try html.element(
                    "text", ["class": "chart-value", "x": "640", "y": "\(y + 12)", "text-anchor": "end"],
                    text: HTMLNumbers.integer(Self.weight(server.counts)))
                try html.void(
                    "rect",
                    ["class": "bar-track", "x": "0", "y": "\(y + 18)", "width": "640", "height": "12", "rx": "2"])
                var x = 0.0
                let parts = [server.counts.different, server.counts.missingOnTarget, server.counts.extraOnTarget]
                for ((key, part), value) in zip(legend, parts) where value > 0 {
                    let length = width * Double(value) / Double(largest)
                    try html.element(
                        "rect",
                        [
                            "class": "part-\(part)", "x": HTMLNumbers.coordinate(x), "y": "\(y + 18)",
                            "width": HTMLNumbers.coordinate(length), "height": "12",
                        ]
                    ) {
                        try html.element("title", text: "\(strings[key]): \(HTMLNumbers.integer(value))")
                    }
                    x += length
                }
            }
        }
    }

    /// The font size of the ring's centre number: 26 for short numbers, smaller as it grows, so that
    /// `100,000,000,000` still fits inside the ring (94 units across).
    static func ringTotalSize(_ text: String) -> Int { min(26, 118 / max(1, text.count)) }

    /// `text` cut to about `width` columns (CJK and emoji count two) with an ellipsis, for chart labels.
    static func shortened(_ text: String, width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let columns = character.unicodeScalars.contains(where: isWide) ? 2 : 1
            if used + columns > width - 1 { return result + "…" }
            used += columns
            result.append(character)
        }
        return result
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
