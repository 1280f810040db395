import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Notify
import ReportModel
import SMSAPI

/// `--ping-url` (SPEC 8.4), healthchecks.io's convention: `GET URL/start` when the run starts, `POST
/// URL/<exit code>` with the one-line summary when it ends. 5 s per try, 2 tries; a failure is a `ping_failed`
/// warning and the URL never appears in it.
public struct RunPing: Sendable {
    /// The ping URL (a secret).
    public var url: String
    /// Timeout and tries.
    public var delivery: HTTPDelivery

    /// A ping to `url`, registered in `secrets` at once.
    public init(url: String, delivery: HTTPDelivery = .pings, secrets: SecretRegistry = .shared) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.delivery = delivery
        secrets.register([url, self.url])
    }

    /// Sends `GET URL/start`; nil when delivered.
    public func start() async -> RunSummary.Warning? {
        await send(.GET, "start", body: nil, what: "start")
    }

    /// Sends `POST URL/<exit code>` with `summaryLine` as the body; nil when delivered.
    public func finish(exitCode: Int, summaryLine: String) async -> RunSummary.Warning? {
        await send(.POST, String(exitCode), body: Data(summaryLine.utf8), what: "exit code \(exitCode)")
    }

    private func send(_ method: HTTPMethod, _ path: String, body: Data?, what: String) async -> RunSummary.Warning? {
        let target = "\(url)/\(path)"
        let failure = await HTTPDelivery.withClient(timeout: delivery.timeout) { client in
            await delivery.send(
                method, to: target, body: body, contentType: body == nil ? nil : "text/plain; charset=utf-8",
                client: client)
        }
        return failure.map { RunSummary.Warning(.pingFailed, "ping (\(what)): \($0)") }
    }
}
