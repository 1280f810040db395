import Pipeline
import ReportModel
import Testing

/// `max_age` per report (SPEC 9) and the `d` unit of durations.
@Suite struct FreshnessConfigurationTests {
    @Test func durationsTakeDays() {
        #expect(DurationText.seconds("7d") == 604_800.0)
        #expect(DurationText.seconds("1d12h") == 129_600.0)
        #expect(DurationText.seconds("36h") == 129_600.0)
        #expect(DurationText.seconds("7w") == nil)
    }

    @Test func maxAgeIsReadPerReport() throws {
        let yaml = """
            reports:
              - name: handover
                max_age: 7d
              - name: ticket
                max_age: 36h
              - name: plain
            """
        let reports = try ReportConfiguration(yaml: yaml, file: "c.yaml").reports
        #expect(reports.map(\.maxAge) == [7 * 86_400, 36 * 3600, nil])
    }

    @Test func aBadMaxAgeIsNamedWithItsLineAndNotItsValue() {
        for value in ["soon", "0", "-5h"] {
            let yaml = """
                reports:
                  - name: a
                    max_age: \(value)
                """
            do {
                _ = try ReportConfiguration(yaml: yaml, file: "c.yaml")
                Issue.record("accepted max_age: \(value)")
            } catch let error as ConfigurationError {
                #expect(error.description == "c.yaml:3: max_age must be a span of time such as 36h or 7d", "\(value)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
