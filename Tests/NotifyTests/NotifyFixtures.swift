import Foundation
import Notify
import Rendering
import ReportModel
import ReportTemplates
import SMSAPI
import TestSupport

/// Summaries, string tables and a recording receiver shared by the notification tests.
enum NotifyFixtures {
    /// The bundled string tables of both languages.
    static let strings: [ReportLanguage: StringTable] = {
        let templates = TemplateSet(bundled: BundledTemplates.files)
        var tables: [ReportLanguage: StringTable] = [:]
        for language in ReportLanguage.allCases { tables[language] = try! templates.strings(for: language) }
        return tables
    }()

    /// A run that ended 4 with problems and changes since the night before.
    static func summary(exitCode: Int = 4, language: ReportLanguage = .enUS) -> RunSummary {
        var summary = RunSummary(
            toolVersion: "1.0.0", exitCode: exitCode, startedAt: Date(timeIntervalSince1970: 1_790_000_000),
            finishedAt: Date(timeIntervalSince1970: 1_790_000_125), endpointHost: "127.0.0.1",
            manifest: ManifestInfo(name: "manifest.csv", sha256: String(repeating: "a", count: 64), taskCount: 30),
            reports: [ReportDefinition(name: "nightly", language: language, formats: [.html, .csv])])
        summary.totals.servers = 30
        summary.totals.byStatus = ["inconsistent": 3, "error": 1, "not_verified": 2, "accepted": 4, "consistent": 20]
        summary.changes.previousRun = Date(timeIntervalSince1970: 1_789_913_600)
        summary.changes.newlyInconsistent = (1...12).map { "srv-\($0)" }
        summary.changes.resolved = ["srv_fixed*1"]
        summary.warnings = [RunSummary.Warning(.pdfFailed, "nightly.pdf: Chromium did not finish within 300 s")]
        return summary
    }

    /// A context sending `entries`, quick to retry, with `environment` for the `_env` keys.
    static func context(
        _ entries: [NotificationEntry], language: ReportLanguage = .enUS, environment: [String: String] = [:],
        secrets: SecretRegistry = SecretRegistry(), reportURL: String? = nil, folder: URL? = nil
    ) -> NotifyContext {
        NotifyContext(
            entries: entries,
            reports: [
                ReportDefinition(
                    name: "nightly", language: language, formats: [.html, .csv], title: "Nightly <SMS> check",
                    timeZone: ReportTimeZone(identifier: "Asia/Shanghai")!)
            ],
            scope: "127.0.0.1 manifest.csv", outputFolder: folder ?? URL(fileURLWithPath: "/srv/reports/2026-09-21"),
            reportURL: reportURL, hostName: "ops-host", strings: strings, environment: environment, secrets: secrets,
            delivery: HTTPDelivery(timeout: .seconds(2), attempts: 3, retryDelay: .milliseconds(20)),
            now: { Date(timeIntervalSince1970: 1_790_000_200) })
    }
}

/// Requests a receiver got, in order, shared with its answering closure.
final class ReceivedRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [ScriptedHTTPServer.Request] = []

    /// Records one request.
    func append(_ request: ScriptedHTTPServer.Request) { lock.withLock { requests.append(request) } }

    /// Every request so far, in order.
    var all: [ScriptedHTTPServer.Request] { lock.withLock { requests } }

    /// The only request's body as a JSON object.
    func json() throws -> [String: Any] {
        let bodies = all.map(\.body)
        guard bodies.count == 1, let object = try JSONSerialization.jsonObject(with: bodies[0]) as? [String: Any] else {
            throw FixtureError("expected one JSON request, got \(bodies.count)")
        }
        return object
    }
}

/// A receiver that records every request and answers `status` with `body`.
func recordingServer(status: Int = 200, body: String = #"{"errcode":0,"errmsg":"ok"}"#) throws -> (
    ScriptedHTTPServer, ReceivedRequests
) {
    let received = ReceivedRequests()
    let server = try ScriptedHTTPServer { request in
        received.append(request)
        return .init(status: status, body: body)
    }
    return (server, received)
}

/// A fixture that did not hold.
struct FixtureError: Error, CustomStringConvertible {
    var description: String

    /// A fixture error saying `description`.
    init(_ description: String) { self.description = description }
}
