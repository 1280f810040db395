import Foundation
import ReportModel

/// The words of one run's notification (SPEC 8.3), independent of the platform: a title and sections of lines,
/// every untrusted value already cleaned of control characters and bounded; each platform renders it.
public struct NotificationMessage: Sendable, Hashable {
    /// One line: an optional label, its text, and a link the text stands for.
    public struct Line: Sendable, Hashable {
        public var label: String?
        public var text: String
        public var link: String?

        /// A line with an optional label and link.
        public init(label: String? = nil, text: String, link: String? = nil) {
            self.label = label
            self.text = text
            self.link = link
        }
    }

    /// Lines under an optional heading.
    public struct Section: Sendable, Hashable {
        public var heading: String?
        public var lines: [Line]
    }

    public var language: ReportLanguage
    /// The first report's title.
    public var title: String
    /// The verdict in words with its exit code, e.g. `No problems (exit code 0)`.
    public var verdict: String
    /// Whether the run needs a look (exit code not 0, or a server not consistent).
    public var isProblem: Bool
    public var sections: [Section]

    /// The most names one change list shows before "and N more".
    public static let namesPerList = 10
    /// The most characters one untrusted value (a title, a server key, a warning) keeps.
    public static let valueLimit = 300

    /// Builds the message for `summary` in `strings`' language.
    public init(summary: RunSummary, context: NotifyContext, strings: StringTable) {
        let report = context.firstReport(of: summary)
        language = strings.language
        title = Self.clean(report.title ?? strings[.reportTitleDefault])
        verdict = strings.format(.notifyVerdictLine, Self.verdictWords(summary.exitCode, strings), summary.exitCode)
        isProblem = NotificationEntry.Condition.problems.holds(for: summary, previousExitCode: nil)
        var facts = [
            Line(label: strings[.notifyLabelScope], text: Self.clean(context.scope)),
            Line(label: strings[.notifyLabelVerdict], text: verdict),
        ]
        if let error = summary.error { facts.append(Line(label: strings[.columnError], text: Self.clean(error))) }
        if let started = summary.startedAt {
            let time = ReportTime.display(started, in: report.timeZone, language: strings.language)
            facts.append(Line(label: strings[.labelStartedAt], text: time))
            if let finished = summary.finishedAt {
                let duration = Self.duration(finished.timeIntervalSince(started), strings)
                facts.append(Line(label: strings[.notifyLabelDuration], text: duration))
            }
        }
        facts.append(Self.location(summary: summary, context: context, report: report, strings: strings))
        sections = [Section(heading: nil, lines: facts)]
        let statuses: [(String, ServerStatus)] = [
            ("inconsistent", .inconsistent), ("error", .error), ("not_verified", .notVerified),
            ("accepted", .accepted), ("consistent", .consistent),
        ]
        let counts = statuses.map { key, status in
            Line(label: strings.status(status), text: ReportNumbers.grouped(summary.totals.byStatus[key, default: 0]))
        }
        sections.append(Section(heading: strings[.labelServersByStatus], lines: counts))
        sections.append(Section(heading: strings[.changesHeading], lines: Self.changes(summary.changes, strings)))
        if !summary.warnings.isEmpty {
            let warnings = summary.warnings.map { Line(label: $0.code.rawValue, text: Self.clean($0.message)) }
            sections.append(Section(heading: strings[.notifyLabelWarnings], lines: warnings))
        }
    }

    /// The exit code in words (SPEC 4's table).
    static func verdictWords(_ exitCode: Int, _ strings: StringTable) -> String {
        switch exitCode {
        case 0: strings[.notifyVerdictSuccess]
        case 1: strings[.notifyVerdictFatal]
        case 3: strings[.notifyVerdictFailOn]
        case 4: strings[.notifyVerdictIncomplete]
        case 130, 143: strings[.notifyVerdictInterrupted]
        default: strings.format(.notifyVerdictOther, exitCode)
        }
    }

    /// `1 h 2 min 3 s`, `2 min 3 s` or `3 s`, in whole seconds.
    static func duration(_ seconds: TimeInterval, _ strings: StringTable) -> String {
        let total = max(0, Int(seconds.rounded()))
        let (hours, minutes, rest) = (total / 3600, total % 3600 / 60, total % 60)
        if hours > 0 { return strings.format(.notifyDurationHMS, hours, minutes, rest) }
        if minutes > 0 { return strings.format(.notifyDurationMS, minutes, rest) }
        return strings.format(.notifyDurationS, rest)
    }

    /// `<report_url>/<folder>/<report>.html` as a link, else `host:/path/to/folder`.
    static func location(
        summary: RunSummary, context: NotifyContext, report: ReportDefinition, strings: StringTable
    ) -> Line {
        let label = strings[.notifyLabelReportsAt]
        let folder = context.outputFolder.standardizedFileURL
        guard let base = context.reportURL, !base.isEmpty else {
            return Line(label: label, text: clean("\(context.hostName):\(folder.path)"))
        }
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        let segment = folder.lastPathComponent.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
        let url = "\(trimmed)/\(segment)/\(report.name).html"
        return Line(label: label, text: url, link: url)
    }

    /// One line per non-empty change list, at most ``namesPerList`` names each, then "and N more".
    static func changes(_ changes: RunSummary.Changes, _ strings: StringTable) -> [Line] {
        guard changes.previousRun != nil else { return [Line(text: strings[.changesFirstRun])] }
        let lists: [(StringKey, [String])] = [
            (.changesNewlyInconsistent, changes.newlyInconsistent), (.changesResolved, changes.resolved),
            (.changesNewlyVerified, changes.newlyVerified), (.changesNewServer, changes.newServers),
            (.changesGone, changes.gone),
        ]
        let lines = lists.filter { !$0.1.isEmpty }.map { key, names in
            var text = names.prefix(namesPerList).map(clean).joined(separator: ", ")
            if names.count > namesPerList {
                text += " " + strings.format(.notifyAndMore, ReportNumbers.grouped(names.count - namesPerList))
            }
            return Line(label: strings[key], text: text)
        }
        return lines.isEmpty ? [Line(text: strings[.changesNone])] : lines
    }

    /// `value` with control characters (line breaks included) turned into spaces and cut to ``valueLimit``
    /// characters, so an API's or a config's text cannot break a message's structure or size.
    static func clean(_ value: String) -> String {
        let scalars = value.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
                ? " " : Character(scalar)
        }
        let text = String(scalars)
        return text.count > valueLimit ? String(text.prefix(valueLimit - 1)) + "…" : text
    }
}
