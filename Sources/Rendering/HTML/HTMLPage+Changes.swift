import Foundation
import ReportModel

extension HTMLPage {
    /// The morning view: what changed since the previous run of the scope, and the statuses of its latest runs
    /// as an inline SVG (no script, so it reads the same in print); nothing without history.
    func writeChanges() throws {
        guard let changes = context.changes else { return }
        try section("changes", heading: strings[.changesHeading]) {
            if let reason = changes.unavailable {
                try html.element("p", ["class": "empty"]) {
                    try html.text(strings[.changesHistoryUnavailable] + " ")
                    try html.element("code", text: reason)
                }
                return
            }
            guard let previous = changes.previousRun else {
                try html.element("p", ["class": "empty"], text: strings[.changesFirstRun])
                try writeTrend(changes.trend)
                return
            }
            try html.element("dl", ["class": "facts"]) { try fact(strings[.changesPreviousRun], time(previous)) }
            let rows = ReportTables.changeRows(changes)
            if rows.isEmpty {
                try html.element("p", ["class": "empty ok"], text: strings[.changesNone])
            } else {
                try writeChangeTable(rows)
            }
            try writeTrend(changes.trend)
        }
    }

    private func writeChangeTable(_ rows: [ReportTables.ChangeRow]) throws {
        try html.element("div", ["class": "table-wrap"]) {
            try html.element("table", ["class": "grid changes"]) {
                try html.element("thead") {
                    try html.element("tr") {
                        for name in ReportTables.changesHeader(strings) {
                            try html.element("th", ["scope": "col"], text: name)
                        }
                    }
                }
                try html.element("tbody") {
                    for row in rows {
                        try html.element("tr", ["class": "change-row"]) {
                            try html.element("td", text: strings[row.kind])
                            try html.element("td", ["class": "name"], text: row.name)
                            try html.element("td", ["class": "id"], text: row.key)
                            try html.element("td") { try changeStatus(row.before) }
                            try html.element("td") { try changeStatus(row.after) }
                            try html.element("td", ["class": "num"], text: row.runs.map(HTMLNumbers.integer) ?? "—")
                        }
                    }
                }
            }
        }
    }

    private func changeStatus(_ status: String?) throws {
        guard let status else { return try html.text(strings[.changesAbsent]) }
        if let known = ServerStatus(rawValue: status) { return try badge(known) }
        try html.element("span", ["class": "badge s-\(status)"], text: status)
    }

    /// One stacked column per run (oldest left), its height the run's server count, each status a slice.
    private func writeTrend(_ points: [RunChanges.TrendPoint]) throws {
        guard !points.isEmpty else { return }
        let caption = strings.format(.changesTrendCaption, points.count)
        let statuses = RunSummary.Totals.statusKeys
        let (width, height, top) = (600.0, 160.0, 10.0)
        let step = width / Double(max(points.count, 1))
        let highest = max(
            points.map { point in statuses.reduce(0) { $0 + max(point.byStatus[$1] ?? 0, 0) } }.max() ?? 0, 1)
        try html.element("figure", ["class": "trend"]) {
            try html.element("figcaption", text: strings[.changesTrendHeading])
            try html.element(
                "svg", ["viewBox": "0 0 600 190", "role": "img", "aria-label": caption, "class": "trend-chart"]
            ) {
                for (index, point) in points.enumerated() {
                    // Columns stay narrow when there are few runs, centred in their share of the width.
                    let barWidth = min(step * 0.7, 36)
                    let x = Double(index) * step + (step - barWidth) / 2
                    try html.element("g", ["class": "trend-run"]) {
                        let label =
                            ReportTime.iso8601(point.startedAt) + " · "
                            + statuses.map { "\($0) \(point.byStatus[$0] ?? 0)" }.joined(separator: ", ")
                        try html.element("title", text: label)
                        var y = top + height
                        for status in statuses {
                            let count = max(point.byStatus[status] ?? 0, 0)
                            guard count > 0 else { continue }
                            let sliceHeight = height * Double(count) / Double(highest)
                            y -= sliceHeight
                            try html.void(
                                "rect",
                                [
                                    "class": "trend-bar s-\(status)", "x": HTMLNumbers.coordinate(x),
                                    "y": HTMLNumbers.coordinate(y), "width": HTMLNumbers.coordinate(barWidth),
                                    "height": HTMLNumbers.coordinate(sliceHeight),
                                ])
                        }
                    }
                }
                try html.element(
                    "text", ["class": "trend-axis", "x": "0", "y": "186"], text: time(points[0].startedAt))
                try html.element(
                    "text", ["class": "trend-axis", "x": "600", "y": "186", "text-anchor": "end"],
                    text: time(points[points.count - 1].startedAt))
            }
            try html.element("p", ["class": "note"], text: caption)
        }
    }
}
