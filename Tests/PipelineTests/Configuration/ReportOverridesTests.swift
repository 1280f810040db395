import Pipeline
import ReportModel
import Testing

/// SPEC 4: report flags with `--config` never silently drop the configured reports.
@Suite struct ReportOverridesTests {
    static let configured = [
        ReportDefinition(name: "handover-zh", language: .zhCN, formats: [.html, .xlsx], title: "交接"),
        ReportDefinition(name: "ticket-en", language: .enUS, formats: [.csv]),
    ]

    @Test func theTitleAppliesToEveryConfiguredReport() throws {
        let reports = try ReportOverrides(shared: .init(title: "CHG-42")).reports(configured: Self.configured)
        #expect(reports.map(\.name) == ["handover-zh", "ticket-en"])
        #expect(reports.map(\.title) == ["CHG-42", "CHG-42"])
        #expect(reports.map(\.formats) == Self.configured.map(\.formats))
    }

    @Test(arguments: [
        ReportOverrides(language: .enUS), ReportOverrides(formats: [.csv]), ReportOverrides(name: "other"),
    ])
    func perReportFlagsWithoutReportAreAnError(_ overrides: ReportOverrides) {
        #expect(throws: ConfigurationError.self) { try overrides.reports(configured: Self.configured) }
    }

    @Test func reportPicksTheOneReportTheFlagsChangeAndKeepsTheOthers() throws {
        let reports = try ReportOverrides(
            shared: .init(title: "T"), language: .enUS, formats: [.csv], name: "handover-en", target: "handover-zh"
        ).reports(configured: Self.configured)
        #expect(reports.map(\.name) == ["handover-en", "ticket-en"])
        #expect(reports[0].language == .enUS && reports[0].formats == [.csv])
        #expect(reports[1] == ReportDefinition(name: "ticket-en", language: .enUS, formats: [.csv], title: "T"))
    }

    @Test func anUnknownOrCollidingTargetIsAnError() {
        #expect(throws: ConfigurationError.self) {
            try ReportOverrides(formats: [.csv], target: "nope").reports(configured: Self.configured)
        }
        #expect(throws: ConfigurationError.self) {
            try ReportOverrides(name: "ticket-en", target: "handover-zh").reports(configured: Self.configured)
        }
        #expect(throws: ConfigurationError.self) { try ReportOverrides(target: "x").reports(configured: []) }
    }

    @Test func withoutAConfigTheFlagsDescribeTheOneReport() throws {
        #expect(try ReportOverrides().reports(configured: []) == [ReportDefinition.default])
        let reports = try ReportOverrides(shared: .init(title: "X"), language: .zhCN, formats: [.html])
            .reports(configured: [])
        #expect(reports == [ReportDefinition(name: "consistency-zh-cn", language: .zhCN, formats: [.html], title: "X")])
    }
}
