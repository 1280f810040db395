import Foundation
import ReportModel

extension HTMLPage {
    /// The masthead: the title and the facts a reader checks first (when, against which endpoint, which manifest).
    func writeHeader() throws {
        let run = context.snapshot.run
        try html.element("div", ["class": "masthead-text"]) {
            try html.element("h1", text: context.title)
            let fields = context.report.handover.fields
            let short = fields.filter { $0.label != .labelRemarks }
            if !short.isEmpty {
                try html.element("dl", ["class": "masthead-facts context-facts"]) {
                    for field in short { try fact(strings[field.label], field.value) }
                }
            }
            try html.element("dl", ["class": "masthead-facts"]) {
                try fact(strings[.labelGeneratedAt], time(context.generatedAt))
                try fact(strings[.labelEndpoint], run.endpointHost)
                try fact(strings[.labelManifest], run.manifest.name)
            }
            if let remarks = fields.first(where: { $0.label == .labelRemarks }) {
                try html.element("div", ["class": "remarks"]) {
                    try html.element("span", ["class": "remarks-label"], text: strings[.labelRemarks])
                    try html.element("p", text: remarks.value)
                }
            }
        }
    }

    /// What "consistent" rests on and what the check leaves out, so that the report claims no more than SMS
    /// verified.
    func writeMethod() throws {
        try section("method", heading: strings[.methodHeading]) {
            try html.element("p", text: strings[.methodCompares])
            try html.element("p", ["class": "method-skips"], text: strings[.methodSkips])
            try html.element("ul") {
                for key: StringKey in [.methodSkipNonASCII, .methodSkipLongPaths, .methodSkipChanging] {
                    try html.element("li", text: strings[key])
                }
            }
            try html.element("p", text: strings[.methodMeaning])
        }
    }

    /// The sign-off block, shown only in print: prepared by (with the configured name), approved by, date.
    func writeSignOff() throws {
        try html.element("section", ["id": "signoff", "class": "signoff", "aria-labelledby": "signoff-h"]) {
            try html.element("h2", ["id": "signoff-h"], text: strings[.signOffHeading])
            try html.element("div", ["class": "signoff-grid"]) {
                let prepared = context.report.handover.fields.first { $0.label == .labelPreparedBy }?.value ?? ""
                for (key, value) in [(StringKey.labelPreparedBy, prepared), (.labelApprovedBy, ""), (.labelDate, "")] {
                    try html.element("div", ["class": "signoff-box"]) {
                        try html.element("span", ["class": "signoff-label"], text: strings[key])
                        try html.element("span", ["class": "signoff-value"], text: value)
                        try html.element("span", ["class": "signoff-line"], text: strings[.labelSignature])
                    }
                }
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
                        try cardValue(HTMLNumbers.integer(count))
                        try html.element(
                            "dd", ["class": "card-note"],
                            text: strings.format(
                                .htmlShareOfServers, HTMLNumbers.share(count, of: totals.serverCount)))
                    }
                }
            }
            let longest =
                [
                    totals.directoryCount, totals.counts.total, totals.counts.different,
                    totals.counts.missingOnTarget, totals.counts.extraOnTarget,
                ].map { HTMLNumbers.integer($0).count }.max() ?? 0
            // Figures of 12 characters and more (100,000,000+) get three cards a row instead of six.
            try html.element("dl", ["class": longest >= 12 ? "cards file-cards wide" : "cards file-cards"]) {
                try html.element("div", ["class": "card card-ratio"]) {
                    try html.element("dt", text: strings[.labelConsistencyRatio])
                    try cardValue(HTMLNumbers.ratio(totals.counts.consistencyBasisPoints))
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
                        try cardValue(HTMLNumbers.integer(value))
                    }
                }
            }
        }
    }

    /// A card's figure, a size smaller when long, so that a 12-digit total stays inside its card.
    private func cardValue(_ text: String) throws {
        let size = text.count >= 14 ? " xlong" : (text.count >= 10 ? " long" : "")
        try html.element("dd", ["class": "card-value" + size], text: text)
    }

    /// Everything known about the run that produced the snapshot.
    func writeRun() throws {
        let run = context.snapshot.run
        let totals = summary.totals
        try section("run", heading: strings[.labelRunMetadata]) {
            try html.element("dl", ["class": "facts"]) {
                try fact(strings[.labelToolVersion], run.toolVersion)
                try fact(strings[.labelEndpoint], run.endpointHost)
                try fact(strings[.labelTimeZone], context.zoneName)
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
        try html.element("p", ["class": "zone-note"], text: strings.format(.htmlTimesInZone, context.zoneName))
    }
}
