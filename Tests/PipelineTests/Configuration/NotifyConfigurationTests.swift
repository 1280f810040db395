import Pipeline
import ReportModel
import Testing

/// `notify:`, `report_url:`, `metrics_file:` and `ping_url:` in the config (SPEC 8.3, 8.4).
@Suite struct NotifyConfigurationTests {
    @Test func readsEveryEntryType() throws {
        let yaml = """
            notify:
              - type: wecom
                url_env: WECOM_WEBHOOK
                on: problems
              - type: dingtalk
                url: https://oapi.dingtalk.com/robot/send?access_token=tok-1
                secret_env: DINGTALK_SECRET
                on: changes
                language: zh-cn
              - type: feishu
                url_env: FEISHU_WEBHOOK
                secret: fs-secret
                on: failure
              - type: slack
                url_env: SLACK_WEBHOOK
                on: always
              - type: teams
                url_env: TEAMS_WEBHOOK
              - type: webhook
                url_env: HOOK
              - type: email
                to: [ops@example.com, lead@example.com]
                from: smsreport@example.com
                attach: [pdf, xlsx]
                max_attachment_mb: 5
                sendmail: /usr/bin/msmtp
            report_url: https://reports.example.com/sms
            metrics_file: /var/lib/node_exporter/textfile/smsreport.prom
            ping_url: https://hc-ping.com/uuid-1
            """
        let configuration = try ReportConfiguration(yaml: yaml, file: "c.yaml")
        let entries = configuration.notify
        #expect(entries.map(\.kind) == [.wecom, .dingtalk, .feishu, .slack, .teams, .webhook, .email])
        #expect(entries.map(\.condition) == [.problems, .changes, .failure, .always, .problems, .problems, .problems])
        #expect(entries[0].urlEnvironment == "WECOM_WEBHOOK")
        #expect(entries[1].url == "https://oapi.dingtalk.com/robot/send?access_token=tok-1")
        #expect(entries[1].secretEnvironment == "DINGTALK_SECRET" && entries[1].language == .zhCN)
        #expect(entries[2].secret == "fs-secret")
        #expect(entries[6].to == ["ops@example.com", "lead@example.com"] && entries[6].attach == [.pdf, .xlsx])
        #expect(entries[6].maxAttachmentMB == 5 && entries[6].sendmail == "/usr/bin/msmtp")
        #expect(configuration.reportURL == "https://reports.example.com/sms")
        #expect(configuration.metricsFile == "/var/lib/node_exporter/textfile/smsreport.prom")
        #expect(configuration.pingURL == "https://hc-ping.com/uuid-1")
        #expect(
            Set(configuration.literalSecrets)
                == [
                    "https://oapi.dingtalk.com/robot/send?access_token=tok-1", "fs-secret",
                    "https://hc-ping.com/uuid-1",
                ])
    }

    @Test func emailDefaults() throws {
        let yaml = "notify:\n  - type: email\n    to: ops@example.com\n"
        let entry = try #require(try ReportConfiguration(yaml: yaml, file: "c.yaml").notify.first)
        #expect(
            entry.to == ["ops@example.com"] && entry.sendmail == "/usr/sbin/sendmail" && entry.maxAttachmentMB == 10)
        #expect(entry.condition == .problems && entry.attach.isEmpty)
    }

    @Test(arguments: [
        ("notify:\n  - type: pager\n    url_env: X\n", "c.yaml:2: type must be one of webhook, wecom"),
        ("notify:\n  - type: slack\n", "c.yaml:2: a slack entry needs url or url_env"),
        ("notify:\n  - type: slack\n    url_env: X\n    on: sometimes\n", "c.yaml:4: on must be always, problems"),
        (
            "notify:\n  - type: slack\n    url_env: X\n    secret_env: Y\n",
            "c.yaml:4: secret_env is only for dingtalk and feishu"
        ),
        ("notify:\n  - type: email\n", "c.yaml:2: an email entry needs to:"),
        ("notify:\n  - type: email\n    to: not-an-address\n", "c.yaml:3: to: each must be one e-mail address"),
        ("notify:\n  - type: slack\n    url_env: 1BAD\n", "c.yaml:3: url_env must name an environment variable"),
        ("notify:\n  - type: slack\n    url_env: X\n    colour: red\n", "c.yaml:4: unknown notify setting 'colour'"),
        ("notify: {type: slack}\n", "c.yaml:1: notify must be a list"),
        ("report_url: reports.example.com\n", "c.yaml:1: report_url must be an http:// or https:// URL"),
    ])
    func problemsNameTheKeyAndLine(yaml: String, expected: String) {
        let error = #expect(throws: ConfigurationError.self) { try ReportConfiguration(yaml: yaml, file: "c.yaml") }
        #expect(error?.description.hasPrefix(expected) == true, "\(error?.description ?? "")")
    }

    @Test func aBadURLIsNeverRepeated() {
        let yaml =
            "notify:\n  - type: slack\n    url: ftp://hooks.example.com/T0/B0/secret-part\nping_url: hc-ping/uuid-secret\n"
        let error = #expect(throws: ConfigurationError.self) { try ReportConfiguration(yaml: yaml, file: "c.yaml") }
        let text = error?.description ?? ""
        #expect(text.contains("c.yaml:3: url must be an http") && text.contains("c.yaml:4: ping_url must be"))
        #expect(!text.contains("secret-part") && !text.contains("uuid-secret"))
    }
}
