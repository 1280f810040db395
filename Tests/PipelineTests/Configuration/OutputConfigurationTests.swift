import Pipeline
import Testing

/// SPEC 8.5: `out:` (with `{date}`/`{time}`, expanded later) and `keep:` in the config.
@Suite struct OutputConfigurationTests {
    @Test func readsOutAndKeep() throws {
        let yaml = """
            out: /var/lib/smsreport/reports/{date}
            keep: 14
            """
        let configuration = try ReportConfiguration(yaml: yaml, file: "night.yaml")
        #expect(configuration.out == "/var/lib/smsreport/reports/{date}")
        #expect(configuration.keep == 14)
        let empty = try ReportConfiguration(yaml: "concurrency: 2", file: "night.yaml")
        #expect(empty.out == nil && empty.keep == nil)
    }

    @Test(arguments: ["keep: 0", "keep: -3", "keep: many", "keep: 99999", "out: ''", "out: [a, b]"])
    func aBadValueIsNamedWithItsLine(yaml: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try ReportConfiguration(yaml: "concurrency: 2\n" + yaml, file: "night.yaml")
        }
        let key = String(yaml.prefix { $0 != ":" })
        #expect(error?.description.hasPrefix("night.yaml:2: \(key) must be") == true, "\(String(describing: error))")
    }
}
