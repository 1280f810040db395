import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Rendering

/// `<name>-junit.xml`: schema-valid, counts equal to the totals, one case per server, hostile names escaped.
@Suite struct JUnitReportTests {
    /// CI must run the Python checks; elsewhere they are skipped, visibly, when the packages are missing.
    static let python =
        HandoverPrintTests.run("/usr/bin/env", ["python3", "-c", "import xmlschema, junitparser"]).status == 0
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"

    static func snapshot() throws -> ResultsSnapshot {
        var snapshot = try RenderingFixtures.hostileSnapshot()
        let differing = DirectoryResult(
            path: "/var/log/<&\"'>", counts: FileCounts(total: 5, different: 2, missingOnTarget: 1))
        snapshot.tasks += [
            TaskRecord(
                taskID: "w1", sourceID: "id-accepted", sourceName: "accepted \u{1}<b>&amp;", directories: [differing]),
            TaskRecord(
                taskID: "w2", sourceID: "id-fine", sourceName: "fine",
                directories: [DirectoryResult(path: "/", counts: FileCounts(total: 1))]),
            TaskRecord(taskID: "w3", sourceID: "id-unverified", sourceName: "unverified"),
        ]
        return snapshot
    }

    static func render(_ snapshot: ResultsSnapshot, language: ReportLanguage = .enUS) throws -> (
        URL, RenderContext, OutputFolder
    ) {
        var context = try RenderingFixtures.context(snapshot, language: language, formats: [.junit], name: "ci")
        let waiver = Waiver(
            id: "logs]]>", directory: try Glob("/var/log*"), server: try Glob("id-accepted"),
            reason: "Logs change </system-out> \u{7}", expires: CalendarDay(iso: "2099-12-31")!)
        context.summary = ConsistencySummary(
            tasks: snapshot.tasks, waivers: [waiver], at: context.generatedAt, in: .utc)
        let folder = try RenderingFixtures.temporaryFolder()
        let urls = try JUnitReportRenderer().render(context, to: folder)
        #expect(urls.map(\.lastPathComponent) == ["ci-junit.xml"])
        // Every render is checked against Jenkins' schema (SPEC 8.2 "JUnit").
        #expect(JUnitSchema.problems(in: urls[0]) == [], "\(language) against junit-10.xsd")
        return (urls[0], context, folder)
    }

    @Test func countsAndCasesMatchTheTotals() throws {
        let (url, context, folder) = try Self.render(Self.snapshot())
        defer { RenderingFixtures.remove(folder) }
        let text = try String(contentsOf: url, encoding: .utf8)
        let totals = context.summary.totals
        #expect(totals.servers(.accepted) == 1)
        #expect(totals.servers(.inconsistent) > 0 && totals.servers(.error) > 0 && totals.servers(.notVerified) > 0)
        func count(_ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
        #expect(count("<testsuites ") == 1 && count("<testsuite ") == 1)
        #expect(count("<testcase ") == totals.serverCount)
        #expect(count("<failure ") == totals.servers(.inconsistent))
        #expect(count("<error ") == totals.servers(.error))
        #expect(count("<skipped ") == totals.servers(.notVerified))
        #expect(
            text.contains(
                #"tests="\#(totals.serverCount)" failures="\#(totals.servers(.inconsistent))" errors="\#(totals.servers(.error))" skipped="\#(totals.servers(.notVerified))""#
            ))
        // Hostile text stays text: escaped markup, no raw control characters, no early end of an element.
        #expect(text.contains("accepted &lt;b&gt;&amp;amp;"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        #expect(text.contains("Logs change &lt;/system-out&gt;"))
        #expect(text.contains("logs]]&gt;"))
    }

    @Test func everyLanguageAndAnEmptyRunAreValidAndTestsuitesHasOnlyTheSchemasAttributes() throws {
        for language in ReportLanguage.allCases {
            let (url, _, folder) = try Self.render(Self.snapshot(), language: language)
            defer { RenderingFixtures.remove(folder) }
            let text = try String(contentsOf: url, encoding: .utf8)
            let head = text[try #require(text.range(of: "<testsuites[^>]*>", options: .regularExpression))]
            // junit-10.xsd allows name, time, tests, failures and errors on <testsuites>, and nothing else.
            #expect(!head.contains("skipped="), "\(head)")
        }
        var empty = try Self.snapshot()
        empty.tasks = []
        let (_, _, folder) = try Self.render(empty)
        RenderingFixtures.remove(folder)
    }

    @Test func theSchemaCheckRejectsWhatJenkinsRejects() throws {
        let folder = try RenderingFixtures.temporaryFolder()
        defer { RenderingFixtures.remove(folder) }
        let file = folder.url.appendingPathComponent("bad-junit.xml")
        try Data(#"<testsuites skipped="1"><testsuite name="s" tests="1" failures="0"/></testsuites>"#.utf8)
            .write(to: file)
        let problems = JUnitSchema.problems(in: file)
        #expect(problems.contains { $0.contains("skipped") }, "\(problems)")
        #expect(problems.contains { $0.contains("errors") }, "\(problems)")
    }

    /// Skipped (and shown as skipped) without the Python packages, except with CI=true, where it runs and fails.
    @Test(
        .enabled(
            if: python || required, "needs python3 with xmlschema and junitparser (pip install xmlschema junitparser)"))
    func validatesAgainstTheJenkinsSchemaAndReadsBack() throws {
        #expect(
            Self.python,
            "CI=true: python3 with xmlschema and junitparser is required (pip install xmlschema junitparser)")
        for language in ReportLanguage.allCases {
            let (url, context, folder) = try Self.render(Self.snapshot(), language: language)
            defer { RenderingFixtures.remove(folder) }
            let script = """
                import sys, xmlschema, junitparser
                xmlschema.XMLSchema(sys.argv[2]).validate(sys.argv[1])
                xml = junitparser.JUnitXml.fromfile(sys.argv[1])
                suites = list(xml)
                assert len(suites) == 1, suites
                s = suites[0]
                kinds = {"failure": 0, "error": 0, "skipped": 0, "passed": 0}
                for case in s:
                    r = case.result
                    kinds[type(r[0]).__name__.lower() if r else "passed"] += 1
                print(s.tests, s.failures, s.errors, s.skipped, kinds["failure"], kinds["error"], kinds["skipped"], kinds["passed"])
                acc = [c for c in s if c.classname == "id-accepted"][0]
                print(repr(acc.name))
                print(repr(acc.system_out))
                """
            let result = HandoverPrintTests.run(
                "/usr/bin/env", ["python3", "-c", script, url.path, Fixtures.url("junit-10.xsd").path])
            #expect(result.status == 0, "\(result.output)")
            let lines = result.output.split(separator: "\n").map(String.init)
            let totals = context.summary.totals
            let passing = totals.servers(.accepted) + totals.servers(.consistent)
            let expected = [
                totals.serverCount, totals.servers(.inconsistent), totals.servers(.error), totals.servers(.notVerified),
                totals.servers(.inconsistent), totals.servers(.error), totals.servers(.notVerified), passing,
            ].map(String.init).joined(separator: " ")
            #expect(lines.first == expected)
            #expect(lines.dropFirst().first == "'accepted <b>&amp;'")
            let out = lines.dropFirst(2).joined(separator: "\n")
            #expect(out.contains(context.strings.status(.accepted)), "\(out)")
            #expect(out.contains("logs]]>") && out.contains("Logs change </system-out>"), "\(out)")
        }
    }
}
