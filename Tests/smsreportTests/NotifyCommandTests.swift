import Foundation
import ReportModel
import TestSupport
import Testing

/// `smsreport notify --config FILE --summary DIR/summary.json`: the built binary re-sends an earlier run's
/// messages, and no webhook URL or signing secret appears in what it prints.
@Suite struct NotifyCommandTests {
    private let token = "tok-never-printed-4711"
    private let signingSecret = "SEC-never-printed-0815"

    /// A folder with a summary.json of a run that ended 4, and a config with a Slack and a DingTalk entry.
    private func setUp() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var summary = RunSummary(
            toolVersion: "1.0.0", exitCode: 4, startedAt: Date(timeIntervalSince1970: 1_790_000_000),
            finishedAt: Date(timeIntervalSince1970: 1_790_000_060), endpointHost: "127.0.0.1",
            reports: [ReportDefinition(name: "nightly", language: .zhCN, formats: [.html])])
        summary.totals.byStatus["inconsistent"] = 2
        try summary.fileData().write(to: folder.appendingPathComponent("summary.json"))
        try """
        reports:
          - name: nightly
            language: zh-cn
            title: 夜间一致性检查
        notify:
          - type: slack
            url_env: SLACK_HOOK
          - type: dingtalk
            url_env: DING_HOOK
            secret_env: DING_SECRET
            on: failure
        """.write(to: folder.appendingPathComponent("notify.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    private func run(_ folder: URL, _ endpoint: String) async throws -> CommandRunner.Result {
        try await CommandRunner.run(
            [
                "notify", "--config", folder.appendingPathComponent("notify.yaml").path, "--summary",
                folder.appendingPathComponent("summary.json").path,
            ],
            environment: [
                "SLACK_HOOK": "\(endpoint)/services/\(token)",
                "DING_HOOK": "\(endpoint)/robot/send?access_token=\(token)", "DING_SECRET": signingSecret,
            ])
    }

    @Test func resendsEveryEntryWhoseConditionHolds() async throws {
        let folder = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bodies = BodyLog()
        let server = try ScriptedHTTPServer { request in
            bodies.append(String(decoding: request.body, as: UTF8.self))
            return .init(status: 200, body: #"{"errcode":0}"#)
        }
        defer { server.stop() }
        let result = try await run(folder, server.endpoint)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let received = bodies.all
        #expect(received.count == 2)
        #expect(received.contains { $0.contains("夜间一致性检查") && $0.contains("不一致") })
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(token) && !text.contains(signingSecret))
        }
    }

    @Test func aFailingReceiverIsReportedWithoutItsURL() async throws {
        let folder = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ScriptedHTTPServer { _ in .init(status: 500, body: "{}") }
        defer { server.stop() }
        let result = try await run(folder, server.endpoint)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("notify_failed: notify[1] (slack): HTTP 500 (3 attempts)"))
        #expect(result.stderr.contains("notify_failed: notify[2] (dingtalk): HTTP 500 (3 attempts)"))
        for text in [result.stdout, result.stderr] {
            #expect(!text.contains(token) && !text.contains(signingSecret) && !text.contains(server.endpoint))
        }
    }
}

/// Request bodies a receiver got.
private final class BodyLog: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String] = []

    /// Records one body.
    func append(_ body: String) { lock.withLock { bodies.append(body) } }

    /// Every body so far, in order.
    var all: [String] { lock.withLock { bodies } }
}
