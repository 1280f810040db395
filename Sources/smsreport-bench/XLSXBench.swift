import Foundation
import Rendering
import ReportModel
import ReportTemplates

/// The XLSX benchmark and sample renderer (issue 4).
///
///     smsreport-bench xlsx --servers 100000 --directories 10 --out DIR [--language L] [--save-results FILE]
///                          [--rows-per-sheet N] [--level 1…9] [--threads N] [--rows-per-chunk N]
///     smsreport-bench xlsx --results results.json --language en-us|zh-cn --out DIR [--name NAME]
///
/// Renders the synthetic or given snapshot once and prints the wall time, the CPU time and the peak RSS;
/// `--level`, `--threads` and `--rows-per-chunk` override ``XLSXCompression/standard`` (to measure them).
enum XLSXBench {
    static func run(_ arguments: [String]) throws {
        let options = try Options(arguments)
        let loadStart = Date()
        let snapshot: ResultsSnapshot
        if let results = options.value("--results") {
            snapshot = try ResultsSnapshot(jsonData: Data(contentsOf: URL(fileURLWithPath: results)), source: results)
        } else {
            snapshot = SyntheticSnapshot.make(
                servers: options.int("--servers", default: 100_000),
                directoriesPerServer: options.int("--directories", default: 10))
        }
        let generatedRSS = ProcessUsage.peakRSSKiB() / 1024
        if let path = options.value("--save-results") {
            try snapshot.jsonData().write(to: URL(fileURLWithPath: path))
        }
        let summary = ConsistencySummary(tasks: snapshot.tasks)
        let language = ReportLanguage(rawValue: options.value("--language") ?? "en-us") ?? .enUS
        let templates = TemplateSet(bundled: BundledTemplates.files)
        let report = ReportDefinition(
            name: options.value("--name") ?? "bench-\(language.rawValue)", language: language, formats: [.xlsx])
        let context = RenderContext(
            report: report, strings: try templates.strings(for: language), snapshot: snapshot, summary: summary,
            templates: templates, generatedAt: ReportTime.generationTime())
        let output = try OutputFolder(url: URL(fileURLWithPath: options.value("--out") ?? "bench-out"))
        let limits = XLSXLimits(
            dataRowsPerSheet: options.int("--rows-per-sheet", default: XLSXLimits.excel.dataRowsPerSheet))
        let standard = XLSXCompression.standard
        let compression = XLSXCompression(
            level: Int32(options.int("--level", default: Int(standard.level))),
            threads: options.int("--threads", default: standard.threads),
            rowsPerChunk: options.int("--rows-per-chunk", default: standard.rowsPerChunk))
        let prepared = Date().timeIntervalSince(loadStart)
        let snapshotRSS = ProcessUsage.peakRSSKiB() / 1024

        let cpuStart = ProcessUsage.cpuSeconds()
        let start = Date()
        let urls = try XLSXReportRenderer(limits: limits, compression: compression).render(context, to: output)
        let seconds = Date().timeIntervalSince(start)
        let cpu = ProcessUsage.cpuSeconds() - cpuStart
        let bytes = (try? FileManager.default.attributesOfItem(atPath: urls[0].path)[.size] as? Int) ?? 0
        print("xlsx: \(urls[0].path)")
        print(
            "xlsx: servers \(summary.totals.serverCount), directory rows \(summary.totals.directoryCount), "
                + "size \(bytes) bytes")
        print(
            String(
                format: "xlsx: level %d, threads %d, rows per chunk %d", compression.level, compression.threads,
                compression.rowsPerChunk))
        print(String(format: "xlsx: snapshot %.2f s, render %.2f s (CPU %.2f s)", prepared, seconds, cpu))
        print(
            "xlsx: peak RSS \(ProcessUsage.peakRSSKiB() / 1024) MiB (\(generatedRSS) MiB with the snapshot, "
                + "\(snapshotRSS) MiB with its summary, before rendering)")
    }
}
