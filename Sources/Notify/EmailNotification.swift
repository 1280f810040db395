import Foundation
import ReportModel

/// An `email` entry's message: the notification as text and HTML, the first report's files of the `attach:`
/// formats within `max_attachment_mb`, handed to `sendmail -t -i`.
struct EmailNotification {
    var entry: NotificationEntry
    var message: NotificationMessage
    var summary: RunSummary
    var context: NotifyContext

    /// Builds and hands over the message; nil when sendmail took it, else why not.
    func send() async -> String? {
        guard !entry.to.isEmpty else { return "to: no recipient" }
        let strings = context.strings[message.language] ?? context.strings.values.first!
        let (attachments, leftOut) = collectAttachments()
        var message = self.message
        var notes: [NotificationMessage.Line] = []
        if !attachments.isEmpty {
            notes.append(
                .init(text: strings.format(.notifyAttached, attachments.map(\.filename).joined(separator: ", "))))
        }
        if !leftOut.isEmpty {
            let folder = context.outputFolder.standardizedFileURL.path
            let names = leftOut.map { "\(folder)/\($0)" }.joined(separator: ", ")
            notes.append(.init(text: strings.format(.notifyNotAttached, entry.maxAttachmentMB, names)))
        }
        if !notes.isEmpty { message.sections.insert(.init(heading: nil, lines: notes), at: 1) }
        let from = entry.from ?? "smsreport@\(context.hostName)"
        let mail = MailMessage(
            from: from, to: entry.to, subject: "\(message.title): \(message.verdict)", date: context.now(),
            host: context.hostName, text: message.plainText(), html: message.html(), attachments: attachments)
        return await Sendmail(
            path: entry.sendmail, timeout: context.delivery.timeout, attempts: context.delivery.attempts
        )
        .deliver(mail.data())
    }

    /// The first report's files of the `attach:` formats, in that order, while their sizes add up to at most the
    /// limit; the names of the others (too large or not written).
    func collectAttachments() -> (attached: [MailMessage.Attachment], leftOut: [String]) {
        let report = context.firstReport(of: summary)
        let limit = entry.maxAttachmentMB * 1_000_000
        var total = 0
        var attached: [MailMessage.Attachment] = []
        var leftOut: [String] = []
        for format in entry.attach {
            let name = Self.fileName(report: report.name, format: format)
            let url = context.outputFolder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url), total + data.count <= limit else {
                leftOut.append(name)
                continue
            }
            total += data.count
            attached.append(.init(filename: name, contentType: Self.contentType(format), data: data))
        }
        return (attached, leftOut)
    }

    /// The file a report's format is written to (SPEC 3).
    static func fileName(report: String, format: ReportFormat) -> String {
        switch format {
        case .junit: "\(report)-junit.xml"
        case .bundle: "\(report)-evidence.zip"
        default: "\(report).\(format.rawValue)"
        }
    }

    /// The MIME type of a format's file.
    static func contentType(_ format: ReportFormat) -> String {
        switch format {
        case .pdf: "application/pdf"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=UTF-8"
        case .html: "text/html; charset=UTF-8"
        case .junit: "application/xml"
        case .bundle: "application/zip"
        }
    }
}
