import Foundation
import ReportModel

extension HTMLPage {
    /// Every task whose result could not be obtained, with its code, message and HTTP status.
    func writeErrors() throws {
        let failed = summary.failedTasks
        try section("errors", heading: strings[.htmlErrorsHeading]) {
            guard !failed.isEmpty else {
                try html.element("p", ["class": "empty ok"], text: strings[.labelNoErrors])
                return
            }
            let columns: [StringKey] = [
                .columnSourceName, .columnTaskID, .columnErrorCode, .columnErrorMessage, .columnHTTPStatus,
                .htmlRequestID,
            ]
            try table("errors", columns) {
                for (server, task) in failed {
                    guard let error = task.error else { continue }
                    try html.element("tr") {
                        try html.element("td", ["class": "name"]) {
                            try html.element("span", ["class": "clamp"], text: server.sourceName)
                        }
                        try html.element("td", ["class": "id"], text: task.taskID)
                        try html.element("td", ["class": "id"], text: error.code ?? "—")
                        try html.element("td", ["class": "message"], text: context.errorMessage(error))
                        try html.element("td", ["class": "num"], text: error.httpStatus.map(String.init) ?? "—")
                        try html.element("td", ["class": "id"], text: error.requestID ?? "—")
                    }
                }
            }
        }
    }

    /// The export requests of the run; failed batches and batches exported in another language are marked.
    func writeExports() throws {
        let exports = context.snapshot.exports
        guard !exports.isEmpty else { return }
        try section("exports", heading: strings[.labelExports]) {
            let columns: [StringKey] = [
                .labelExportBatch, .labelTaskCount, .htmlExportRequestedLanguage, .labelExportLanguage,
                .labelExportFile, .htmlExportNote,
            ]
            try table("exports", columns) {
                for export in exports { try writeExport(export) }
            }
        }
    }

    private func writeExport(_ export: ExportRecord) throws {
        let note: String
        let rowClass: String
        if let error = export.error {
            (note, rowClass) = ("\(strings[.labelExportFailed]): \(context.errorText(error))", "row-error")
        } else if export.fellBack, let language = export.language {
            let text = strings.format(
                .labelExportFallback, strings.languageName(language), strings.languageName(export.requestedLanguage))
            (note, rowClass) = (text, "row-warn")
        } else if export.file == nil {
            (note, rowClass) = (strings[.htmlExportAcknowledged], "")
        } else {
            (note, rowClass) = ("", "")
        }
        try html.element("tr", ["class": rowClass]) {
            try html.element("td", ["class": "num"], text: String(format: "%04d", export.batch))
            try html.element("td", ["class": "num"], text: HTMLNumbers.integer(export.taskCount))
            try html.element("td", text: strings.languageName(export.requestedLanguage))
            try html.element("td", text: export.language.map(strings.languageName) ?? "—")
            try html.element("td", ["class": "id"], text: export.file ?? "—")
            try html.element("td", ["class": "message"], text: note)
        }
    }

    /// A scrollable table with a header row of `columns` and the rows `body` writes.
    func table(_ name: String, _ columns: [StringKey], body: () throws -> Void) throws {
        try html.element("div", ["class": "table-wrap"]) {
            try html.element("table", ["class": "grid \(name)"]) {
                try html.element("thead") {
                    try html.element("tr") {
                        for key in columns { try html.element("th", ["scope": "col"], text: strings.breakable(key)) }
                    }
                }
                try html.element("tbody") { try body() }
            }
        }
    }
}
