import Foundation
import ReportModel
import Testing

@testable import Rendering

/// What a reader sees of accepted differences: the status word and badge, the waiver beside each accepted
/// directory, the list of waivers with their states in the HTML and the XLSX overview, the CSV status words.
@Suite struct WaiverRenderingTests {
    static func context(_ language: ReportLanguage, formats: [ReportFormat]) throws -> RenderContext {
        let differing = DirectoryResult(path: "/var/log", counts: FileCounts(total: 9, different: 2))
        let snapshot = ResultsSnapshot(
            run: RunMetadata(
                toolVersion: "t", startedAt: Date(timeIntervalSince1970: 1_790_000_000),
                finishedAt: Date(timeIntervalSince1970: 1_790_000_000), endpointHost: "h",
                manifest: ManifestInfo(name: "m.csv", sha256: "00", taskCount: 2), languages: [language]),
            tasks: [
                TaskRecord(taskID: "t1", sourceID: "id-1", sourceName: "accepted-one", directories: [differing]),
                TaskRecord(
                    taskID: "t2", sourceID: "id-2", sourceName: "plain",
                    directories: [DirectoryResult(path: "/", counts: FileCounts(total: 1))]),
            ])
        var context = try RenderingFixtures.context(snapshot, language: language, formats: formats)
        let waivers = [
            Waiver(
                id: "var-log", directory: try Glob("/var/log*"), reason: "Logs <change>", approvedBy: "Li Wei",
                expires: CalendarDay(iso: "2099-01-01")!),
            Waiver(id: "unused-one", directory: try Glob("/nowhere"), expires: CalendarDay(iso: "2099-01-01")!),
            Waiver(id: "expired-one", directory: try Glob("/var/log*"), expires: CalendarDay(iso: "2020-01-01")!),
        ]
        context.summary = ConsistencySummary(tasks: snapshot.tasks, waivers: waivers, at: context.generatedAt, in: .utc)
        return context
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlShowsTheAcceptedStatusAndTheWaiverList(language: ReportLanguage) throws {
        let context = try Self.context(language, formats: [.html])
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let html = try String(contentsOf: HTMLReportRenderer().render(context, to: folder)[0], encoding: .utf8)
        let word = context.strings.status(.accepted)
        #expect(word == (language == .enUS ? "Consistent (accepted differences)" : "一致（已接受差异）"))
        #expect(html.contains(#"<span class="badge s-accepted">\#(word)</span>"#))
        #expect(html.contains(#"<div class="card s-accepted">"#))
        #expect(html.contains("var-log — Logs &lt;change&gt;"))
        for (id, state) in [("var-log", "in_force"), ("unused-one", "unused"), ("expired-one", "expired")] {
            let key = StringKey(rawValue: "waiver.\(state)")!
            #expect(
                html.contains(
                    #"<tr data-waiver-state="\#(state)"><td class="id">\#(id)</td><td>\#(context.strings[key])</td>"#),
                "\(id)")
        }
    }

    @Test func csvAndXlsxCarryTheAcceptedWordsAndTheList() throws {
        let context = try Self.context(.enUS, formats: [.csv, .xlsx])
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let csv = try CSVReportRenderer().render(context, to: folder)
        let servers = try String(contentsOf: csv[0], encoding: .utf8)
        let directories = try String(contentsOf: csv[1], encoding: .utf8)
        #expect(servers.contains("accepted-one,id-1,t1,Consistent (accepted differences),1,9,2,0,0"))
        #expect(directories.contains("/var/log,9,2,0,0,Consistent (accepted differences)"))
        let workbook = try WorkbookReader(url: XLSXReportRenderer().render(context, to: folder)[0])
        let overview = try workbook.rows(ofSheet: 1).map { $0.map(\.value).joined(separator: "|") }
        #expect(overview.contains("Consistent (accepted differences)|1"))
        #expect(
            overview.contains {
                $0.hasPrefix(
                    "var-log|In force|/var/log*|Logs <change>; Approved by: Li Wei; Expires: 2099-01-01; Accepted directories: 1"
                )
            })
        #expect(overview.contains { $0.hasPrefix("unused-one|Unused|/nowhere|") })
        #expect(overview.contains { $0.hasPrefix("expired-one|Expired|/var/log*|") })
    }
}
