import Foundation
import Notify
import ReportModel
import SMSAPI
import TestSupport
import Testing

/// A receiver that fails gives a `notify_failed` warning that names the entry and why, never its URL or secret.
@Suite struct NotifierFailureTests {
    private let hookSecret = "SEC-do-not-print-9f3c"

    private func send(status: Int, body: String, kind: NotificationEntry.Kind = .dingtalk) async throws -> (
        [RunSummary.Warning], Int, String
    ) {
        let (server, received) = try recordingServer(status: status, body: body)
        defer { server.stop() }
        let url = "\(server.endpoint)/robot/send?access_token=tok-do-not-print-77"
        let entry = NotificationEntry(kind: kind, url: url, secret: hookSecret, condition: .failure)
        let warnings = await Notifier.send(
            NotifyFixtures.summary(exitCode: 4), context: NotifyFixtures.context([entry]))
        return (warnings, received.all.count, url)
    }

    @Test func a500IsRetriedTwiceThenAWarning() async throws {
        let (warnings, requests, url) = try await send(status: 500, body: "{}")
        #expect(requests == 3)
        #expect(warnings == [RunSummary.Warning(.notifyFailed, "notify[1] (dingtalk): HTTP 500 (3 attempts)")])
        let message = try #require(warnings.first).message
        #expect(!message.contains(url) && !message.contains(hookSecret))
    }

    @Test func aPlatformErrorInA200IsAFailureWithoutRetry() async throws {
        let (warnings, requests, _) = try await send(
            status: 200, body: #"{"errcode":310000,"errmsg":"sign not match"}"#)
        #expect(requests == 1)
        #expect(warnings.map(\.message) == ["notify[1] (dingtalk): HTTP 200 with error code errcode 310000"])
    }

    @Test func feishusCodeCountsToo() async throws {
        let (warnings, _, _) = try await send(
            status: 200, body: #"{"code":19021,"msg":"sign match fail"}"#, kind: .feishu)
        #expect(warnings.map(\.code) == [.notifyFailed])
        #expect(warnings.first?.message.contains("code 19021") == true)
    }

    @Test func a429IsRetried() async throws {
        let (warnings, requests, _) = try await send(status: 429, body: "{}")
        #expect(requests == 3)
        #expect(warnings.first?.message.hasSuffix("HTTP 429 (3 attempts)") == true)
    }

    @Test func aMissingVariableIsAWarningNamingIt() async {
        let entry = NotificationEntry(kind: .wecom, urlEnvironment: "WECOM_WEBHOOK", condition: .always)
        let warnings = await Notifier.send(NotifyFixtures.summary(), context: NotifyFixtures.context([entry]))
        #expect(
            warnings.map(\.message) == ["notify[1] (wecom): url: the environment variable WECOM_WEBHOOK is not set"])
    }

    @Test func noAnswerIsRetriedAndNamed() async throws {
        // A socket that listens but never accepts, kept open for the whole test so that its port is not reused.
        let (fd, port) = try LoopbackSocket.bind(listening: 16)
        defer { close(fd) }
        let entry = NotificationEntry(kind: .slack, url: "http://127.0.0.1:\(port)/hook", condition: .always)
        let warnings = await Notifier.send(NotifyFixtures.summary(), context: NotifyFixtures.context([entry]))
        #expect(warnings.map(\.message) == ["notify[1] (slack): no answer within 2 s (3 attempts)"])
    }

    @Test func aRefusedConnectionFailsAtOnceAndIsRetriedByUsAlone() async throws {
        // A bound port that does not listen: every connect is refused. AsyncHTTPClient's own reconnect loop would
        // retry each attempt until its 200 s timeout ran out (10 minutes for a receiver that is simply down); our
        // three attempts are the only ones, and each fails as soon as the refusal comes (0.08 s alone). The bound
        // is wide because the whole suite on 2 cores can hold this test's tasks back: 30 s was seen in CI.
        let (fd, port) = try LoopbackSocket.bind()
        defer { close(fd) }
        let entry = NotificationEntry(kind: .slack, url: "http://127.0.0.1:\(port)/hook", condition: .always)
        var context = NotifyFixtures.context([entry])
        context.delivery = HTTPDelivery(timeout: .seconds(200), attempts: 3, retryDelay: .milliseconds(20))
        let started = Date()
        let warnings = await Notifier.send(NotifyFixtures.summary(), context: context)
        let elapsed = Date().timeIntervalSince(started)
        #expect(warnings.map(\.message) == ["notify[1] (slack): no answer (connection failed) (3 attempts)"])
        #expect(elapsed < 120, "a refused receiver took \(elapsed) s")
    }

    @Test func secretsAreRegisteredBeforeUse() async throws {
        let registry = SecretRegistry()
        let (server, _) = try recordingServer()
        defer { server.stop() }
        let url = "\(server.endpoint)/hook?key=k-123"
        let entry = NotificationEntry(
            kind: .dingtalk, urlEnvironment: "HOOK", secretEnvironment: "SIGN", condition: .always)
        let context = NotifyFixtures.context(
            [entry], environment: ["HOOK": url, "SIGN": hookSecret], secrets: registry)
        _ = await Notifier.send(NotifyFixtures.summary(), context: context)
        let cleaned = registry.redact("posting to \(url) with \(hookSecret)")
        #expect(!cleaned.contains("k-123") && !cleaned.contains(hookSecret))
    }

    @Test func nothingIsSentWhenTheConditionDoesNotHold() async throws {
        let (server, received) = try recordingServer()
        defer { server.stop() }
        let entry = NotificationEntry(kind: .slack, url: server.endpoint, condition: .failure)
        let warnings = await Notifier.send(
            NotifyFixtures.summary(exitCode: 0), context: NotifyFixtures.context([entry]))
        #expect(warnings.isEmpty && received.all.isEmpty)
    }
}
