import Foundation
import ReportModel

extension RenderContext {
    /// The zone the report shows its times in.
    var timeZone: ReportTimeZone { report.timeZone }

    /// The zone's name as a header shows it: `UTC`, `Europe/Berlin`, `北京时间`.
    var zoneName: String { timeZone.name(in: report.language) }

    /// A time as readers see it: `2026-12-01 10:15:00 (UTC+08:00)`.
    func displayTime(_ date: Date) -> String {
        ReportTime.display(date, in: timeZone, language: report.language)
    }

    /// The header of a column of times, naming the zone: `Verified at (Europe/Berlin)`.
    var verifiedAtHeader: String { strings.format(.columnVerifiedAt, zoneName) }

    /// A label for a time fact with the zone named, e.g. `Generated at (Asia/Shanghai)`; the bare label in UTC
    /// reports, whose values already say `(UTC)`.
    func timeLabel(_ key: StringKey) -> String {
        timeZone.isUTC ? strings[key] : "\(strings[key]) (\(zoneName))"
    }

    /// A server's freshness under the report's `max_age` at the snapshot's start (SPEC 9: the run's start, and
    /// for `render` the snapshot's `started_at`), never the wall clock, so re-renders stay byte-identical; nil
    /// when the report has no `max_age`.
    func freshness(of server: ServerSummary) -> Freshness? {
        guard let maxAge = report.maxAge else { return nil }
        return server.freshness(maxAge: maxAge, at: snapshot.run.startedAt)
    }

    /// The servers the report lists: all, or with `include: problems` only those that are not consistent.
    var listedServers: [ServerSummary] {
        switch report.include {
        case .all: summary.servers
        case .problems: summary.servers.filter { $0.status != .consistent }
        }
    }

    /// The note that says only problem servers are listed; nil when the report lists every server.
    var includeNote: String? {
        guard report.include == .problems else { return nil }
        let listed = summary.servers.lazy.filter { $0.status != .consistent }.count
        if listed == 0 { return strings[.includeProblemsEmpty] }
        return strings.format(
            .includeProblemsNote, ReportNumbers.grouped(listed), ReportNumbers.grouped(summary.totals.serverCount))
    }

    /// `CODE: message (HTTP n)` in the report's language: the tool's own words (an unrecognized answer, no
    /// connection, no error body) come from the string table; the API's code and message stay as sent.
    func errorText(_ error: TaskError) -> String {
        guard report.language != .enUS else { return error.displayText }
        var text = errorMessage(error)
        if error.kind == .http, let code = error.code, !code.isEmpty { text = "\(code): \(text)" }
        if let status = error.httpStatus { text += " (HTTP \(status))" }
        return text
    }

    /// The message part of an error in the report's language.
    func errorMessage(_ error: TaskError) -> String {
        guard report.language != .enUS else { return error.message }
        switch error.kind {
        case .unrecognizedResponse:
            // The reason after the colon is the tool's English; results.json keeps it and the raw body.
            return strings[.errorUnrecognizedResponse]
        case .transport:
            return strings[.errorTransport]
        case .http:
            let prefix = "no SMS error body"
            guard error.message.hasPrefix(prefix) else { return error.message }
            let rest = error.message.dropFirst(prefix.count)
            return strings[.errorNoErrorBody] + (rest.hasPrefix(": ") ? "：" + rest.dropFirst(2) : "")
        }
    }

    /// The error column of a server row: one error as it is, several each prefixed by its task id.
    func errorText(_ server: ServerSummary) -> String {
        let errors = server.errors
        if errors.count == 1 && server.tasks.count == 1 { return errorText(errors[0].error) }
        return errors.map { "\($0.taskID): \(errorText($0.error))" }.joined(separator: "; ")
    }
}
