import Foundation
import ReportModel

extension HTMLPage {
    /// The masthead: the title and the facts a reader checks first (when, against which endpoint, which manifest).
    func writeHeader() throws {
        let run = context.snapshot.run
        try html.element("div", ["class": "masthead-text"]) {
            try html.element("h1", text: context.title)
            try html.element("dl", ["class": "masthead-facts"]) {
                try fact(strings[.labelGeneratedAt], time(context.generatedAt))
                try fact(strings[.labelEndpoint], run.endpointHost)
                try fact(strings[.labelManifest], run.manifest.name)
            }
        }
    }

    /// Servers per status and the file-level figures, as cards.
    func writeTotals() throws {
        let totals = summary.totals
        try section("totals", heading: strings[.labelTotals]) {
            try html.element("dl", ["class": "cards status-cards"]) {
                for status in ServerStatus.allCases {
                    let count = totals.servers(status)
                    try html.element("div", ["class": "card s-\(status.rawValue)"]) {
                        try html.element("dt", text: strings.status(status))
                        try html.element("dd", ["class": "card-value"], text: HTMLNumbers.integer(count))
                        try html.element(
                            "dd", ["class": "card-note"],
                            text: strings.format(
                                .htmlShareOfServers, HTMLNumbers.share(count, of: totals.serverCount)))
                    }
                }
            }
            try html.element("dl", ["class": "cards file-cards"]) {
                try html.element("div", ["class": "card card-ratio"]) {
                    try html.element("dt", text: strings[.labelConsistencyRatio])
                    try html.element(
                        "dd", ["class": "card-value"], text: HTMLNumbers.ratio(totals.counts.consistencyBasisPoints))
                    try html.element("dd", ["class": "card-note"], text: strings[.htmlRatioHint])
                }
                let figures: [(StringKey, Int, String)] = [
                    (.columnDirectories, totals.directoryCount, ""),
                    (.columnTotalFiles, totals.counts.total, ""),
                    (.columnDifferentFiles, totals.counts.different, " warn"),
                    (.columnMissingOnTarget, totals.counts.missingOnTarget, " warn"),
                    (.columnExtraOnTarget, totals.counts.extraOnTarget, " warn"),
                ]
                for (key, value, accent) in figures {
                    try html.element("div", ["class": "card" + (value > 0 ? accent : "")]) {
                        try html.element("dt", text: strings[key])
                        try html.element("dd", ["class": "card-value"], text: HTMLNumbers.integer(value))
                    }
                }
            }
        }
    }

    /// Everything known about the run that produced the snapshot.
    func writeRun() throws {
        let run = context.snapshot.run
        let totals = summary.totals
        try section("run", heading: strings[.labelRunMetadata]) {
            try html.element("dl", ["class": "facts"]) {
                try fact(strings[.labelToolVersion], run.toolVersion)
                try fact(strings[.labelEndpoint], run.endpointHost)
                try fact(strings[.labelGeneratedAt], time(context.generatedAt))
                try fact(strings[.labelStartedAt], time(run.startedAt))
                try fact(strings[.labelFinishedAt], time(run.finishedAt))
                try fact(strings[.labelManifest], run.manifest.name)
                try fact(strings[.labelManifestDigest], run.manifest.sha256, valueClass: "digest")
                try fact(strings[.labelTaskCount], HTMLNumbers.integer(totals.taskCount))
                try fact(strings[.labelServerCount], HTMLNumbers.integer(totals.serverCount))
                try fact(strings[.labelFailedTaskCount], HTMLNumbers.integer(totals.failedTaskCount))
                try fact(strings[.labelLanguage], strings[.languageName])
            }
        }
    }

    /// The generator line, the run's identity (time, endpoint, manifest digest) and the time-zone note.
    func writeFooter() throws {
        let run = context.snapshot.run
        try html.element("p", ["class": "generator"], text: strings.format(.htmlGeneratedBy, run.toolVersion))
        try html.element("dl", ["class": "footer-facts"]) {
            try fact(strings[.labelGeneratedAt], time(context.generatedAt))
            try fact(strings[.labelEndpoint], run.endpointHost)
            try fact(strings[.labelManifestDigest], run.manifest.sha256, valueClass: "digest")
        }
        try html.element("p", ["class": "zone-note"], text: strings[.htmlTimesInUTC])
    }
}
