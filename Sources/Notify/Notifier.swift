import AsyncHTTPClient
import Foundation
import ReportModel

/// Sends a run's notifications (SPEC 8.3): each `notify:` entry whose condition holds sends one message; a
/// failure becomes a `notify_failed` warning and never anything else.
public enum Notifier {
    /// Sends every entry of `context` whose condition holds for `summary`, all at once; returns one warning per
    /// entry that failed, in config order. Never throws: the reports and the exit code are not its business.
    public static func send(_ summary: RunSummary, context: NotifyContext) async -> [RunSummary.Warning] {
        let due = context.entries.enumerated().filter {
            $0.element.condition.holds(for: summary, previousExitCode: context.previousExitCode)
        }
        guard !due.isEmpty else { return [] }
        let failures = await HTTPDelivery.withClient(timeout: context.delivery.timeout) { client in
            await withTaskGroup(of: (Int, String?).self) { group in
                for (index, entry) in due {
                    group.addTask {
                        (index, await sendOne(entry, summary: summary, context: context, client: client))
                    }
                }
                var results: [(Int, String?)] = []
                for await result in group { results.append(result) }
                return results
            }
        }
        return failures.sorted { $0.0 < $1.0 }.compactMap { index, failure in
            failure.map {
                let kind = context.entries[index].kind.rawValue
                return RunSummary.Warning(
                    .notifyFailed, context.secrets.redact("notify[\(index + 1)] (\(kind)): \($0)"))
            }
        }
    }

    /// Sends one entry; nil when delivered, else why not (never a URL or a secret).
    static func sendOne(_ entry: NotificationEntry, summary: RunSummary, context: NotifyContext, client: HTTPClient)
        async -> String?
    {
        let language = entry.language ?? context.firstReport(of: summary).language
        guard let strings = context.strings[language] ?? context.strings.values.first else {
            return "no string table for \(language.rawValue)"
        }
        let message = NotificationMessage(summary: summary, context: context, strings: strings)
        if entry.kind == .email {
            return await EmailNotification(entry: entry, message: message, summary: summary, context: context).send()
        }
        let url: String
        switch resolve(entry.url, entry.urlEnvironment, context: context) {
        case .value(let value): url = value
        case .missing(let problem): return "url: \(problem)"
        }
        var secret: String?
        switch resolve(entry.secret, entry.secretEnvironment, context: context) {
        case .value(let value): secret = value
        case .missing(let problem):
            if entry.secret != nil || entry.secretEnvironment != nil { return "secret: \(problem)" }
        }
        let now = context.now()
        let body: Data
        var target = url
        switch entry.kind {
        case .webhook: body = Data(summary.line().utf8)
        case .wecom: body = ChatPayload.weCom(message)
        case .dingtalk:
            body = ChatPayload.dingTalk(message)
            if let secret { target = WebhookSigning.dingTalkURL(url, secret: secret, at: now) }
        case .feishu:
            body = ChatPayload.feishu(message, signature: secret.map { WebhookSigning.feishu(secret: $0, at: now) })
        case .slack: body = ChatPayload.slack(message)
        case .teams: body = ChatPayload.teams(message)
        case .email: return nil
        }
        // The signed URL holds the signature, which is as good as a token for an hour: it is a secret too.
        context.secrets.register([target])
        return await context.delivery.send(
            .POST, to: target, body: body, contentType: "application/json; charset=utf-8", client: client)
    }

    enum Resolved {
        case value(String)
        case missing(String)
    }

    /// The value written in the config, else the named environment variable's; registered as a secret.
    static func resolve(_ literal: String?, _ variable: String?, context: NotifyContext) -> Resolved {
        if let literal, !literal.isEmpty {
            context.secrets.register([literal])
            return .value(literal)
        }
        guard let variable else { return .missing("not set (neither the value nor the _env variable is given)") }
        guard let value = context.environment[variable], !value.isEmpty else {
            return .missing("the environment variable \(variable) is not set")
        }
        context.secrets.register([value])
        return .value(value)
    }
}
