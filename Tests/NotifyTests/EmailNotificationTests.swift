import Foundation
import Notify
import ReportModel
import Testing

/// E-mail through the real sendmail interface: msmtp delivers to a loopback aiosmtpd, and Python's `email`
/// package reads the message back.
@Suite(.serialized) struct EmailNotificationTests {
    /// A published folder with the first report's HTML and CSV, the CSV larger than the attachment limit allows.
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smsreport-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<!DOCTYPE html><title>r</title>".utf8).write(to: folder.appendingPathComponent("nightly.html"))
        try Data(repeating: 0x41, count: 1_200_000).write(to: folder.appendingPathComponent("nightly.csv"))
        return folder
    }

    @Test(arguments: [ReportLanguage.enUS, .zhCN])
    func aMultipartMessageArrives(language: ReportLanguage) async throws {
        guard let sink = try await MailSink.start() else { return }
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let entry = NotificationEntry(
            kind: .email, condition: .always, to: ["ops@example.com", "lead@example.com"],
            from: "smsreport@example.com",
            attach: [.html, .csv, .pdf], maxAttachmentMB: 1, sendmail: sink.sendmail.path)
        let warnings = await Notifier.send(
            NotifyFixtures.summary(language: language),
            context: NotifyFixtures.context([entry], language: language, folder: out))
        #expect(warnings.isEmpty)
        let messages = try await sink.received()
        try #require(messages.count == 1)
        let message = messages[0]
        let strings = NotifyFixtures.strings[language]!
        #expect(message["defects"] as? Int == 0)
        #expect(
            message["subject"] as? String == "Nightly <SMS> check: "
                + strings.format(.notifyVerdictLine, strings[.notifyVerdictIncomplete], 4))
        #expect(message["to"] as? String == "ops@example.com, lead@example.com")
        #expect(message["from"] as? String == "smsreport@example.com")
        #expect((message["date"] as? String)?.hasSuffix("+0000") == true)
        #expect((message["message_id"] as? String)?.hasPrefix("<") == true)
        let parts = try #require(message["parts"] as? [[String: Any]])
        #expect(
            parts.map { $0["type"] as? String ?? "" } == [
                "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/html",
            ])
        let text = try #require(parts[2]["text"] as? String)
        #expect(text.contains(strings.status(.inconsistent)))
        // The CSV is over the 1 MB limit and the PDF was never written: both are named, with the folder.
        #expect(text.contains(out.standardizedFileURL.path + "/nightly.csv"))
        #expect(text.contains(out.standardizedFileURL.path + "/nightly.pdf"))
        #expect((parts[3]["text"] as? String)?.contains("&lt;SMS&gt;") == true)
        #expect(parts[4]["filename"] as? String == "nightly.html")
    }

    @Test func aFailingSendmailIsAWarning() async throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "false-sendmail-\(UUID().uuidString)")
        try "#!/bin/sh\necho 'cannot connect' >&2\nexit 69\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let entry = NotificationEntry(kind: .email, condition: .always, to: ["ops@example.com"], sendmail: script.path)
        let warnings = await Notifier.send(NotifyFixtures.summary(), context: NotifyFixtures.context([entry]))
        #expect(warnings.map(\.message) == ["notify[1] (email): sendmail exited with 69: cannot connect"])
    }

    @Test func aChineseSubjectIsEncodedWords() {
        let subject = MailMessage(
            from: "a@example.com", to: ["b@example.com"], subject: String(repeating: "迁移一致性报告：", count: 6),
            date: Date(timeIntervalSince1970: 0), host: "h", text: "t", html: "h"
        ).data()
        let header = String(decoding: subject, as: UTF8.self).components(separatedBy: "\nDate:")[0]
        let lines = header.components(separatedBy: "\n").drop { !$0.hasPrefix("Subject:") }
        #expect(lines.first?.hasPrefix("Subject: =?UTF-8?B?") == true)
        #expect(lines.count > 1 && lines.dropFirst().allSatisfy { $0.hasPrefix(" =?UTF-8?B?") && $0.count <= 76 })
    }

    @Test func aLineBreakInAValueCannotAddAHeader() {
        let data = MailMessage(
            from: "a@example.com\nBcc: evil@example.com", to: ["b@example.com"], subject: "x\r\nBcc: evil@example.com",
            date: Date(timeIntervalSince1970: 0), host: "h", text: "t", html: "h"
        ).data()
        let head = String(decoding: data, as: UTF8.self).components(separatedBy: "\n\n")[0]
        #expect(!head.components(separatedBy: "\n").contains { $0.hasPrefix("Bcc:") })
        #expect(head.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
    }
}
