import Foundation
import ReportModel
import ReportTemplates
import TestSupport

@testable import Rendering

/// Renders HTML reports into temporary folders for the tests, with the bundled templates unless told otherwise.
enum HTMLRendering {
    /// The fixed generation time the tests render with.
    static let generatedAt = Date(timeIntervalSince1970: 1_795_000_000)

    /// The templates shipped with smsreport, optionally behind an override folder.
    static func templates(override: URL? = nil) -> TemplateSet {
        TemplateSet(override: override, bundled: BundledTemplates.files)
    }

    /// The hostile-strings fixture.
    static func hostile() throws -> ResultsSnapshot {
        try ResultsSnapshot(jsonData: Fixtures.data("hostile-results.json"))
    }

    /// A small well-behaved snapshot: one server per status, one failed task, one fallen-back export.
    static func plain() -> ResultsSnapshot {
        let start = Date(timeIntervalSince1970: 1_794_990_000)
        let tasks = [
            TaskRecord(
                taskID: "t-1", sourceID: "s-1", sourceName: "web-01", finishedTime: 1_794_980_000_000,
                directories: [DirectoryResult(path: "/srv", counts: FileCounts(total: 1_200, different: 3))]),
            TaskRecord(
                taskID: "t-2", sourceID: "s-2", sourceName: "db-01", finishedTime: 1_794_980_000_000,
                directories: [DirectoryResult(path: "/var/lib", counts: FileCounts(total: 800))]),
            TaskRecord(taskID: "t-3", sourceID: "s-3", sourceName: "app-01"),
            TaskRecord(
                taskID: "t-4", sourceID: "s-4", sourceName: "cache-01",
                error: TaskError(kind: .http, code: "SMS.6004", message: "Task not found", httpStatus: 404)),
        ]
        return ResultsSnapshot(
            run: RunMetadata(
                toolVersion: "9.9.9", startedAt: start, finishedAt: start.addingTimeInterval(75),
                endpointHost: "sms.cn-north-4.myhuaweicloud.com",
                manifest: ManifestInfo(name: "tasks.csv", sha256: String(repeating: "c", count: 64), taskCount: 4),
                languages: [.enUS, .zhCN]),
            tasks: tasks,
            exports: [
                ExportRecord(
                    batch: 1, taskCount: 4, requestedLanguage: .zhCN, language: .enUS,
                    file: "exports/en-us/batch-0001.xlsx", contentType: nil, byteCount: 10, error: nil)
            ])
    }

    /// Renders `snapshot` in `language` and returns the written file's text and URL.
    static func render(
        _ snapshot: ResultsSnapshot, language: ReportLanguage = .enUS, templates: TemplateSet = templates(),
        generatedAt: Date = generatedAt, title: String? = nil, forPrint: Bool = false
    ) throws -> (text: String, url: URL) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("smsreport-html-tests-\(UUID().uuidString)")
        let context = RenderContext(
            report: ReportDefinition(name: "report", language: language, formats: [.html], title: title),
            strings: try templates.strings(for: language), snapshot: snapshot,
            summary: ConsistencySummary(tasks: snapshot.tasks), templates: templates, generatedAt: generatedAt)
        let urls = try HTMLReportRenderer(forPrint: forPrint).render(context, to: OutputFolder(url: folder))
        return (try String(contentsOf: urls[0], encoding: .utf8), urls[0])
    }

    /// Every start tag in `html` (`<name …>`). Data is escaped, so a `<` in the output always begins real markup.
    static func tags(_ html: String) -> [String] {
        matches(of: #"<[A-Za-z][^>]*>"#, in: html)
    }

    /// The contents of every `<name>…</name>` element, e.g. each style or script.
    static func contents(of name: String, in html: String) -> [String] {
        matches(of: "<\(name)>([\\s\\S]*?)</\(name)>", in: html, group: 1)
    }

    /// All matches of `pattern` in `text` (or of one capture group).
    static func matches(of pattern: String, in text: String, group: Int = 0) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { String(text[Range($0.range(at: group), in: text)!]) }
    }

    /// How many times `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
