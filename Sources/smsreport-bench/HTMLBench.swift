import Foundation
import Rendering
import ReportModel
import ReportTemplates

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The HTML benchmark and sample renderer:
/// `html --results FILE [--language en-us|zh-cn] [--name NAME] --out DIR` renders a `results.json`;
/// `html --servers N [--directories N] [--language …] --out DIR` renders a synthetic snapshot and prints
/// the time taken and the peak resident memory. Both use the bundled templates unless `--templates DIR`;
/// `--timezone`, the context fields and `--include` set the report's handover settings.
enum HTMLBench {
    static func run(_ arguments: [String]) throws {
        var options: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let flag = arguments[index]
            guard flag.hasPrefix("--"), index + 1 < arguments.count else { usage("unexpected \(flag)") }
            options[String(flag.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
        guard let out = options["out"] else { usage("--out DIR is required") }
        guard let language = ReportLanguage(rawValue: options["language"] ?? "en-us") else {
            usage("--language must be en-us or zh-cn")
        }
        let templates = TemplateSet(
            override: options["templates"].map { URL(fileURLWithPath: $0) }, bundled: BundledTemplates.files)

        let snapshot: ResultsSnapshot
        if let results = options["results"] {
            let url = URL(fileURLWithPath: results)
            snapshot = try ResultsSnapshot(jsonData: Data(contentsOf: url), source: url.lastPathComponent)
        } else if let servers = options["servers"].flatMap(Int.init), servers >= 0 {
            let directories = options["directories"].flatMap(Int.init) ?? 2
            snapshot = SyntheticSnapshot.make(servers: servers, directoriesPerServer: directories)
        } else {
            usage("give --results FILE or --servers N")
        }

        let clock = ContinuousClock()
        let start = clock.now
        guard let zone = ReportTimeZone(identifier: options["timezone"] ?? "UTC") else {
            usage("--timezone: unknown time zone")
        }
        let report = ReportDefinition(
            name: options["name"] ?? "bench-\(language.rawValue)", language: language, formats: [.html],
            title: options["title"], timeZone: zone,
            handover: HandoverContext(
                customer: options["customer"], project: options["project"], reference: options["reference"],
                preparedBy: options["prepared-by"], remarks: options["remarks"]),
            include: options["include"].flatMap(ReportInclude.init(rawValue:)) ?? .all)
        let context = RenderContext(
            report: report, strings: try templates.strings(for: language), snapshot: snapshot,
            summary: ConsistencySummary(tasks: snapshot.tasks), templates: templates,
            generatedAt: ReportTime.generationTime())
        let files = try HTMLReportRenderer().render(context, to: OutputFolder(url: URL(fileURLWithPath: out)))
        let elapsed = (clock.now - start).components
        let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000

        let bytes = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int }
            .reduce(0, +)
        print(
            "html: \(snapshot.tasks.count) tasks → \(files.map(\.path).joined(separator: ", ")) "
                + "(\(bytes / 1024) KiB) in \(milliseconds) ms, "
                + "peak RSS \(ProcessUsage.peakRSSKiB() / 1024) MiB")
    }

    private static func usage(_ problem: String) -> Never {
        FileHandle.standardError.write(
            Data(
                """
                smsreport-bench html: \(problem)
                usage: smsreport-bench html --results FILE [--language en-us|zh-cn] [--name NAME] [--title T] --out DIR
                       smsreport-bench html --servers N [--directories N] [--language …] --out DIR
                       (either form: [--templates DIR] [--timezone ZONE] [--customer T] [--project T]
                        [--reference T] [--prepared-by T] [--remarks T] [--include all|problems])

                """.utf8))
        exit(2)
    }
}
