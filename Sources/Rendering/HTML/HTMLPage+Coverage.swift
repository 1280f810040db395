import Foundation
import ReportModel

extension HTMLPage {
    /// "Not in this report" (SPEC 9, `--coverage`): the account's tasks the manifest lacks, with their source
    /// names and states, and the manifest's tasks the account does not list; nothing when coverage was not
    /// checked.
    func writeCoverage() throws {
        guard let coverage = context.snapshot.coverage else { return }
        let rows = ReportTables.coverageRows(coverage, snapshot: context.snapshot)
        try section("coverage", heading: strings[.coverageHeading]) {
            let intro = strings.format(
                .coverageIntro, HTMLNumbers.integer(coverage.listed), HTMLNumbers.integer(coverage.notInManifest.count),
                HTMLNumbers.integer(coverage.notListed.count))
            try html.element("p", ["class": "note"], text: intro)
            guard !rows.isEmpty else {
                try html.element("p", ["class": "empty ok"], text: strings[.coverageComplete])
                return
            }
            let missing = rows.filter { $0.gap == .coverageNotInManifest }
            if !missing.isEmpty {
                try html.element("h3", ["id": "coverage-missing-h"], text: strings[.coverageNotInManifestHeading])
                try table("coverage-missing", [.columnTaskID, .columnSourceName, .coverageColumnState]) {
                    for row in missing {
                        try html.element("tr", ["class": "row-warn"]) {
                            try html.element("td", ["class": "id"], text: row.taskID)
                            try nameCell(row.sourceName)
                            try html.element("td", ["class": "id"], text: row.state ?? "—")
                        }
                    }
                }
            }
            let unlisted = rows.filter { $0.gap == .coverageNotListed }
            if !unlisted.isEmpty {
                try html.element("h3", ["id": "coverage-unlisted-h"], text: strings[.coverageNotListedHeading])
                try table("coverage-unlisted", [.columnTaskID, .columnSourceName]) {
                    for row in unlisted {
                        try html.element("tr") {
                            try html.element("td", ["class": "id"], text: row.taskID)
                            try nameCell(row.sourceName)
                        }
                    }
                }
            }
        }
    }

    /// A source name cell, clamped like the other tables'; a dash when the name is unknown.
    private func nameCell(_ name: String) throws {
        try html.element("td", ["class": "name"]) {
            try html.element("span", ["class": "clamp"], text: name.isEmpty ? "—" : name)
        }
    }
}
