import Pipeline
import ReportModel
import Testing

@Suite struct WaiverConfigurationTests {
    @Test func readsWaiversAndFailOnFromTheConfig() throws {
        let yaml = """
            fail_on: [inconsistent, expired-waiver]
            waivers:
              - id: var-log
                directory: "/var/log*"        # glob on dir_check
                server: "*"
                reason: Logs change after cutover
                approved_by: Li Wei
                expires: 2027-03-31
              - id: agent
                directory: /opt/sms-agent*
                expires: 2027-01-01
            """
        let configuration = try ReportConfiguration(yaml: yaml, file: "c.yaml")
        #expect(configuration.failOn == [.inconsistent, .expiredWaiver])
        #expect(configuration.waivers.map(\.id) == ["var-log", "agent"])
        let first = configuration.waivers[0]
        #expect(first.directory.pattern == "/var/log*" && first.server?.pattern == "*")
        #expect(first.reason == "Logs change after cutover" && first.approvedBy == "Li Wei")
        #expect(first.expires == CalendarDay(year: 2027, month: 3, day: 31))
        #expect(configuration.waivers[1].server == nil && configuration.waivers[1].reason == "")
        #expect(
            try ReportConfiguration(yaml: "fail_on: error, not-verified", file: "c.yaml").failOn == [
                .error, .notVerified,
            ])
    }

    @Test func everyWaiverProblemNamedWithItsLine() {
        let yaml = """
            waivers:
              - id: one
                directory: "[oops"
                expires: 2027-02-30
              - id: one
                directory: /x
                server: "[z-a]"
                expires: 2027-01-01
                aproved_by: typo
              - directory: /y
              - just text
            fail_on: [inconsistent, always]
            """
        do {
            _ = try ReportConfiguration(yaml: yaml, file: "c.yaml")
            Issue.record("no error")
        } catch let error as ConfigurationError {
            let lines = error.description.split(separator: "\n").map(String.init)
            for expected in [
                "c.yaml:3: directory: '[oops' has a [ without its ]",
                "c.yaml:4: expires '2027-02-30' is not a date such as 2027-03-31",
                "c.yaml:5: waiver id 'one' is used twice",
                "c.yaml:7: server: '[z-a]' has the reversed range z-a",
                "c.yaml:9: unknown waiver setting 'aproved_by' (known: approved_by, directory, expires, id, reason, server)",
                "c.yaml:10: a waiver needs id", "c.yaml:10: a waiver needs expires",
                "c.yaml:11: a waiver must be a mapping with id, directory, reason, approved_by and expires",
            ] {
                #expect(lines.contains(expected), "\(expected) in \(lines)")
            }
            #expect(lines.contains { $0.hasPrefix("c.yaml:12: fail_on: 'always' is not a --fail-on condition") })
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aWaiversFileIsTheListOrAMappingWithWaivers() throws {
        let list = try WaiverFile.parse(yaml: "- id: a\n  directory: /a\n  expires: 2027-01-01\n", file: "w.yaml")
        #expect(list.map(\.id) == ["a"])
        let mapping = try WaiverFile.parse(
            yaml: "waivers:\n  - id: b\n    directory: /b\n    expires: 2027-01-01\n", file: "w.yaml")
        #expect(mapping.map(\.id) == ["b"])
        #expect(throws: ConfigurationError.self) { try WaiverFile.parse(yaml: "reports: []\n", file: "w.yaml") }
        #expect(throws: ConfigurationError.self) {
            try WaiverFile.parse(yaml: "waivers: []\nextra: 1\n", file: "w.yaml")
        }
    }
}
