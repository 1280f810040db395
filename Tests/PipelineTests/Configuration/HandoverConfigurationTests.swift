import Pipeline
import ReportModel
import Testing

/// The handover keys of a report in the config: timezone, context fields, include, the pdf format.
@Suite struct HandoverConfigurationTests {
    @Test func readsEveryHandoverKey() throws {
        let yaml = """
            reports:
              - name: handover-zh
                language: zh-cn
                formats: [html, pdf]
                timezone: Asia/Shanghai
                customer: ACME <script>
                project: Cloud move
                reference: CHG-42
                prepared_by: Zhang San
                remarks: |
                  Two lines
                  of remarks.
                include: problems
              - name: plain
            """
        let reports = try ReportConfiguration(yaml: yaml, file: "c.yaml").reports
        #expect(reports.count == 2)
        let zh = reports[0]
        #expect(zh.formats == [.html, .pdf])
        #expect(zh.timeZone.identifier == "Asia/Shanghai")
        #expect(zh.include == .problems)
        #expect(
            zh.handover
                == HandoverContext(
                    customer: "ACME <script>", project: "Cloud move", reference: "CHG-42", preparedBy: "Zhang San",
                    remarks: "Two lines\nof remarks.\n"))
        #expect(reports[1].timeZone == .utc)
        #expect(reports[1].include == .all)
        #expect(reports[1].handover.isEmpty)
        #expect(reports[1].formats == [.html, .xlsx, .csv])
    }

    @Test func badTimezoneAndIncludeAreNamedWithTheirLines() {
        let yaml = """
            reports:
              - name: a
                timezone: Mars/Olympus
                include: some
            """
        do {
            _ = try ReportConfiguration(yaml: yaml, file: "c.yaml")
            Issue.record("accepted a bad time zone")
        } catch let error as ConfigurationError {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines[0].hasPrefix("c.yaml:3: timezone 'Mars/Olympus' is not a time zone name"))
            #expect(lines[1] == "c.yaml:4: include must be all or problems, not 'some'")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func flagsOverrideFieldByField() {
        let configured = HandoverContext(customer: "A", project: "P", remarks: "R")
        let flags = HandoverContext(customer: "B", reference: "CHG-1")
        #expect(
            configured.overridden(by: flags)
                == HandoverContext(customer: "B", project: "P", reference: "CHG-1", remarks: "R"))
        #expect(HandoverContext(customer: "  ", remarks: "x").fields.map(\.value) == ["x"])
    }
}
