import Foundation
import Pipeline
import ReportModel
import SMSAPI

/// What `--dry-run` shows: the batches and requests a run would make, where it would send them, how it would
/// sign in (never the secret), the reports and the output folder; nothing is called and nothing written.
public struct DryRunPlan: Sendable {
    public let plan: RunPlan
    public let manifest: Manifest
    public let endpoint: SMSEndpoint
    public let credentials: ResolvedCredentials
    /// The region a project ID would be looked up for.
    public let region: String?
    public let reports: [ReportDefinition]
    /// ``RunFolder/plan(_:force:)``'s description of the output folder.
    public let output: String
    /// With `--coverage`: the run would also list the account's tasks.
    public var coverage = false

    public init(
        plan: RunPlan, manifest: Manifest, endpoint: SMSEndpoint, credentials: ResolvedCredentials, region: String?,
        reports: [ReportDefinition], output: String, coverage: Bool = false
    ) {
        self.coverage = coverage
        self.plan = plan
        self.manifest = manifest
        self.endpoint = endpoint
        self.credentials = credentials
        self.region = region
        self.reports = reports
        self.output = output
    }

    public var text: String {
        var lines: [String] = []
        let languages = plan.languages.map(\.rawValue).joined(separator: ", ")
        lines.append(
            "plan: \(Words.count(plan.taskCount, "task")) in \(Words.count(plan.batches.count, "batch", "batches")); "
                + "\(Words.count(plan.exportRequests, "export request")) (\(languages.isEmpty ? "export off" : languages)), "
                + "\(Words.count(plan.taskCount, "result request")); nothing was called")
        for batch in plan.batches {
            let first = batch.entries.first!.location
            let last = batch.entries.last!.location
            lines.append("  \(batch.fileStem): \(Words.count(batch.entries.count, "task")) (\(first) … \(last))")
        }
        if coverage {
            lines.append(
                "coverage: the account's tasks would be listed (pages of \(TaskPage.maximumLimit)) and compared with "
                    + "the manifest")
        }
        lines.append("endpoint: \(endpoint.url)")
        lines.append("credentials: \(credentials.origin), \(credentialKind) (not checked against the API)")
        lines.append(credentials.projectLine(region: region))
        for report in reports {
            lines.append(
                "report: \(report.name) (\(report.language.rawValue); \(report.formats.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        lines.append("output: \(output)")
        return lines.joined(separator: "\n")
    }

    /// The `--json` object: what a run would report before it starts, with nothing written.
    public var summary: RunSummary {
        let now = ReportTime.generationTime()
        var summary = RunSummary(
            toolVersion: ToolVersion.current, startedAt: now, finishedAt: now, endpointHost: endpoint.host,
            manifest: manifest.info, reports: reports)
        summary.credentialsSource = credentials.source.rawValue
        return summary
    }

    private var credentialKind: String {
        switch credentials.credentials {
        case .token: "IAM token"
        case .accessKey(let keys): keys.securityToken == nil ? "AK/SK" : "temporary AK/SK with security token"
        case .metadata: "temporary AK/SK, fetched when the run starts"
        }
    }
}
