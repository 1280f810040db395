import Pipeline
import ReportModel
import Testing

/// The evidence settings of the config (SPEC 9): `sign_key`, `bundle_max_mb` and the `bundle` format.
@Suite struct EvidenceConfigurationTests {
    @Test func readsSignKeyBundleLimitAndTheBundleFormat() throws {
        let yaml = """
            sign_key: /etc/smsreport/sign_key
            bundle_max_mb: 7.5
            reports:
              - name: ticket-en
                language: en-us
                formats: [html, pdf, bundle]
            """
        let configuration = try ReportConfiguration(yaml: yaml, file: "c.yaml")
        #expect(configuration.signKey == "/etc/smsreport/sign_key")
        #expect(configuration.bundleMaxMB == 7.5)
        #expect(configuration.reports.first?.formats == [.html, .pdf, .bundle])
        #expect(!ReportFormat.bundle.isRenderedFromSnapshot && ReportFormat.pdf.isRenderedFromSnapshot)
    }

    @Test func absentMeansNoKeyAndTheDefaultLimit() throws {
        let configuration = try ReportConfiguration(yaml: "concurrency: 2", file: "c.yaml")
        #expect(configuration.signKey == nil && configuration.bundleMaxMB == nil)
    }

    @Test(arguments: ["0", "-1", "ten", "[1]"]) func aBadLimitIsNamedWithItsLine(_ value: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try ReportConfiguration(yaml: "concurrency: 2\nbundle_max_mb: \(value)\n", file: "c.yaml")
        }
        #expect(error?.description.contains("c.yaml:2: bundle_max_mb must be a positive number") == true)
    }
}
