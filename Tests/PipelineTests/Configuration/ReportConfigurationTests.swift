import Pipeline
import ReportModel
import Testing

@Suite struct ReportConfigurationTests {
    @Test func readsTheSampleShape() throws {
        let yaml = """
            endpoint: https://sms.ap-southeast-3.myhuaweicloud.com
            concurrency: 8
            reports:
              - name: handover-zh
                language: zh-cn
                formats: [html, xlsx]
                title: 迁移一致性校验报告
              - name: ticket-en
                language: en-us
                formats: [csv, html]
            """
        let configuration = try ReportConfiguration(yaml: yaml, file: "c.yaml")
        #expect(configuration.concurrency == 8)
        #expect(
            configuration.reports == [
                ReportDefinition(name: "handover-zh", language: .zhCN, formats: [.html, .xlsx], title: "迁移一致性校验报告"),
                ReportDefinition(name: "ticket-en", language: .enUS, formats: [.csv, .html]),
            ])
    }

    @Test func everyProblemNamedWithItsLine() {
        let yaml = """
            concurency: 8
            batch_size: 500
            reports:
              - name: ../escape
                language: fr-fr
                formats: [docx]
            """
        #expect(throws: ConfigurationError.self) { try ReportConfiguration(yaml: yaml, file: "c.yaml") }
        do {
            _ = try ReportConfiguration(yaml: yaml, file: "c.yaml")
        } catch let error as ConfigurationError {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("c.yaml:1: unknown setting 'concurency'"))
            #expect(lines[1] == "c.yaml:2: batch_size must be a whole number from 1 to 200")
            #expect(lines.contains { $0.hasPrefix("c.yaml:4: report name '../escape'") })
            #expect(lines.contains("c.yaml:5: language must be en-us or zh-cn"))
            #expect(lines.contains("c.yaml:6: formats: each must be html, xlsx, csv, pdf, junit or bundle"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func pdfTimeoutIsReadAndBounded() throws {
        let read = try ReportConfiguration(yaml: "pdf_timeout: 45\nreports: [{name: r}]", file: "c.yaml")
        #expect(read.pdfTimeout == 45)
        #expect(try ReportConfiguration(yaml: "reports: [{name: r}]", file: "c.yaml").pdfTimeout == nil)
        for bad in ["0", "-5", "90000", "soon"] {
            #expect(throws: ConfigurationError.self) {
                try ReportConfiguration(yaml: "pdf_timeout: \(bad)\nreports: [{name: r}]", file: "c.yaml")
            }
        }
    }
}
