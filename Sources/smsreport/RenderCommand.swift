import ArgumentParser
import Foundation
import Pipeline
import Rendering
import ReportModel

/// `smsreport render`: re-renders reports offline from a `results.json`.
struct RenderCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Re-render reports from a results.json, offline.",
        discussion: "With SOURCE_DATE_EPOCH set, the same results and config give byte-identical files.")

    @Option(help: "The results.json of an earlier run.")
    var results: String

    @Option(help: "Output folder (default: the folder of results.json).")
    var out: String?

    @OptionGroup var report: ReportOptions
    @OptionGroup var console: ConsoleOptions

    func execute() async throws {
        let logger = console.makeLogger()
        let configuration = try report.loadConfiguration()
        let reports = try report.handover.apply(to: report.reports(configuration))
        let browser = try report.handover.browser(for: reports)
        let resultsURL = URL(fileURLWithPath: results)
        let data: Data
        do {
            data = try Data(contentsOf: resultsURL)
        } catch {
            throw ResultsSnapshot.ReadError(description: "\(results): cannot read: \(error.localizedDescription)")
        }
        let snapshot = try ResultsSnapshot(jsonData: data, source: results)
        let folder = out.map { URL(fileURLWithPath: $0) } ?? resultsURL.deletingLastPathComponent()
        let writer = ReportWriter(
            output: try OutputFolder(url: folder), templates: try report.templateSet(),
            options: RenderOptions(csvByteOrderMark: !report.noByteOrderMark, browser: browser),
            generatedAt: ReportTime.generationTime())
        try writer.templates.check(for: reports)
        let job = ReportJob(
            reports: reports, writer: writer, failOnInconsistent: report.failOnInconsistent, logger: logger,
            progress: ProgressDisplay(logger: logger, quiet: true))
        let outcome = try job.publish(snapshot, writeResults: false)
        Console.printLine(console.json ? outcome.json : outcome.line)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
