import Foundation
import ReportModel

/// The overview sheet: the title, the handover context, run metadata, totals by status and file counts, the
/// method statement, and the exported files; printed on one page.
enum XLSXOverviewSheet {
    /// Label, value, and two more columns for the export list.
    static let widths: [Double] = [34, 48, 30, 48]

    /// Writes the overview's rows.
    static func write(_ context: RenderContext, to writer: XLSXWorksheetWriter) throws {
        let strings = context.strings
        let run = context.snapshot.run
        let totals = context.summary.totals
        let plain = XLSXStyleSheet.plain
        let number = XLSXStyleSheet.cell(.number, .none)
        func pair(_ key: StringKey, _ value: XLSXCell, _ style: Int) throws {
            try writer.row([.text(strings[key]), value], styles: [plain, style])
        }
        func section(_ key: StringKey) throws {
            try writer.row([], styles: [])
            try writer.row([.text(strings[key])], styles: [XLSXStyleSheet.label])
        }
        let zone = context.timeZone
        func time(_ key: StringKey, _ instant: Date) throws { try writeTime(key, instant, context, to: writer) }
        let wrapped = XLSXStyleSheet.wrapped

        try writer.row([.text(context.title)], styles: [XLSXStyleSheet.title])
        for field in context.report.handover.fields {
            try writer.row([.text(strings[field.label]), .text(field.value)], styles: [plain, wrapped])
        }
        if let note = context.includeNote {
            try writer.row([.text(strings[.htmlServersHeading]), .text(note)], styles: [plain, wrapped])
        }
        try section(.labelRunMetadata)
        try pair(.labelToolVersion, .text(run.toolVersion), plain)
        try pair(.labelEndpoint, .text(run.endpointHost), plain)
        try pair(.labelManifest, .text(run.manifest.name), plain)
        try pair(.labelManifestDigest, .text(run.manifest.sha256), plain)
        try pair(.labelLanguage, .text(strings.languageName(context.report.language)), plain)
        let zoneText =
            context.zoneName == zone.identifier ? zone.identifier : "\(context.zoneName) (\(zone.identifier))"
        try pair(.labelTimeZone, .text(zoneText), plain)
        try time(.labelStartedAt, run.startedAt)
        try time(.labelFinishedAt, run.finishedAt)
        try time(.labelGeneratedAt, context.generatedAt)
        try pair(.labelTaskCount, .number(totals.taskCount), number)
        try pair(.labelServerCount, .number(totals.serverCount), number)
        try pair(.labelFailedTaskCount, .number(totals.failedTaskCount), number)
        try writeComparison(context, to: writer)

        try section(.labelServersByStatus)
        for status in ServerStatus.allCases {
            try writer.row([.text(strings.status(status)), .number(totals.servers(status))], styles: [plain, number])
        }

        try section(.labelTotals)
        try pair(.columnDirectories, .number(totals.directoryCount), number)
        try pair(.columnTotalFiles, .number(totals.counts.total), number)
        try pair(.columnDifferentFiles, .number(totals.counts.different), number)
        try pair(.columnMissingOnTarget, .number(totals.counts.missingOnTarget), number)
        try pair(.columnExtraOnTarget, .number(totals.counts.extraOnTarget), number)
        if let basisPoints = totals.counts.consistencyBasisPoints {
            try pair(.labelConsistencyRatio, .percent(Double(basisPoints) / 10_000), XLSXStyleSheet.percent)
        } else {
            try pair(.labelConsistencyRatio, .text(strings[.labelUnknown]), plain)
        }

        try section(.methodHeading)
        for key: StringKey in [.methodCompares, .methodSkips] {
            try writer.row([.text(""), .text(strings[key])], styles: [plain, wrapped])
        }
        for key: StringKey in [.methodSkipNonASCII, .methodSkipLongPaths, .methodSkipChanging] {
            try writer.row([.text(""), .text("• " + strings[key])], styles: [plain, wrapped])
        }
        try writer.row([.text(""), .text(strings[.methodMeaning])], styles: [plain, wrapped])

        try writeWaivers(context, to: writer)

        let exports = context.snapshot.exports
        guard !exports.isEmpty else { return }
        try section(.labelExports)
        let header = XLSXStyleSheet.header
        try writer.row(
            [
                .text(strings[.labelExportBatch]), .text(strings[.labelExportLanguage]),
                .text(strings[.labelExportFile]), .text(strings[.xlsxExportNote]),
            ], styles: [header, header, header, header])
        for record in exports {
            let language = strings.languageName(record.language ?? record.requestedLanguage)
            var note = ""
            if let error = record.error {
                note = strings[.labelExportFailed] + ": " + context.errorText(error)
            } else if record.fellBack, let actual = record.language {
                note = strings.format(
                    .labelExportFallback, strings.languageName(actual), strings.languageName(record.requestedLanguage))
            }
            let highlight: XLSXHighlight = record.error == nil ? .none : .error
            let text = XLSXStyleSheet.cell(.text, highlight)
            try writer.row(
                [.number(record.batch), .text(language), .text(record.file ?? ""), .text(note)],
                styles: [XLSXStyleSheet.cell(.number, highlight), text, text, text])
        }
    }

    /// A time as a date cell in the report's zone; a date cell carries no zone, so its label names it, in UTC
    /// reports too.
    private static func writeTime(
        _ key: StringKey, _ instant: Date, _ context: RenderContext, to writer: XLSXWorksheetWriter
    ) throws {
        try writer.row(
            [.text("\(context.strings[key]) (\(context.zoneName))"), .date(context.timeZone.local(instant))],
            styles: [XLSXStyleSheet.plain, XLSXStyleSheet.cell(.date, .none)])
    }

    /// What the changes sheet compares with: the previous run's start, or why there is no comparison (the
    /// scope's first run, or the history could not be used, and why), so that an empty sheet is not read as
    /// "nothing changed"; nothing without history.
    private static func writeComparison(_ context: RenderContext, to writer: XLSXWorksheetWriter) throws {
        guard let changes = context.changes else { return }
        let strings = context.strings
        let text: String
        if let reason = changes.unavailable {
            text = ReportTables.historyUnavailable(reason, strings)
        } else if let previous = changes.previousRun {
            try writeTime(.changesPreviousRun, previous, context, to: writer)
            guard ReportTables.changeRows(changes).isEmpty else { return }
            text = strings[.changesNone]
        } else {
            text = strings[.changesFirstRun]
        }
        try writer.row(
            [.text(strings[.changesHeading]), .text(text)], styles: [XLSXStyleSheet.plain, XLSXStyleSheet.wrapped])
    }

    /// The accepted differences: each waiver's id, state, directory glob, and reason with approver, last day
    /// and the number of directories it accepted; nothing when none is configured.
    private static func writeWaivers(_ context: RenderContext, to writer: XLSXWorksheetWriter) throws {
        let review = context.summary.waivers
        guard !review.isEmpty else { return }
        let strings = context.strings
        let header = XLSXStyleSheet.header
        let plain = XLSXStyleSheet.plain
        try writer.row([], styles: [])
        try writer.row([.text(strings[.labelWaivers])], styles: [XLSXStyleSheet.label])
        try writer.row(
            [
                .text(strings[.columnWaiver]), .text(strings[.columnWaiverState]), .text(strings[.columnDirectory]),
                .text(strings[.columnReason]),
            ], styles: [header, header, header, header])
        for (waiver, state) in HTMLPage.waiverRows(review) {
            let details = [
                waiver.reason, waiver.approvedBy.map { "\(strings[.columnApprovedBy]): \($0)" },
                "\(strings[.columnExpires]): \(waiver.expires)",
                "\(strings[.columnAcceptedDirectories]): \(review.uses[waiver.id] ?? 0)",
            ]
            try writer.row(
                [
                    .text(waiver.id), .text(strings[state]), .text(waiver.directory.pattern),
                    .text(details.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")),
                ], styles: [plain, plain, plain, XLSXStyleSheet.wrapped])
        }
    }
}
