import Foundation
import Logging
import Pipeline
import ReportModel
import SMSAPI

extension RunEngine {
    /// Where a run's tasks come from: a manifest, or the account's list (`--discover`, with an optional state).
    public enum TaskSource: Sendable {
        case manifest(Manifest)
        case discover(state: String?)
    }

    /// The whole run against the API: the credentials made ready (the first ECS key, the IAM project lookup), one
    /// client, the task list (discovered, and listed again for `--coverage`), then ``run`` or, when a discovery finds
    /// nothing, empty reports. An error that stops it carries the manifest learned on the way (``KnownManifest``).
    public func session(
        _ source: TaskSource, settings: RunSettings, credentials resolved: ResolvedCredentials,
        options: PipelineRun.Options, coverage checksCoverage: Bool,
        progress: @escaping @Sendable (PipelineProgress) -> Void = { _ in }, progressFinished: @Sendable () -> Void = {}
    ) async throws -> RunOutcome {
        let logger = logger
        let credentials = try await settings.prepare(resolved, logger: logger)
        return try await SMSClient.withClient(
            endpoint: settings.endpoint, credentials: credentials, configuration: settings.clientConfiguration,
            logger: logger
        ) { client in
            let tasks: Manifest
            switch source {
            case .manifest(let manifest): tasks = manifest
            case .discover(let state):
                tasks = try await Discovery(client: client, logger: logger).manifest(state: state)
            }
            // Listed before collection: a listing that cannot be paged to its end stops the run at once.
            let coverage =
                checksCoverage ? try await Discovery(client: client, logger: logger).coverage(of: tasks) : nil
            do {
                guard !tasks.entries.isEmpty else {
                    logger.warning("discovery found no task; writing empty reports")
                    let now = Date()
                    var empty = ResultsSnapshot(
                        run: RunMetadata(
                            toolVersion: ToolVersion.current, startedAt: now, finishedAt: now,
                            endpointHost: settings.endpoint.host, manifest: tasks.info, languages: []),
                        tasks: [])
                    empty.coverage = coverage
                    return try await publish(empty, startedAt: now, finishedAt: now)
                }
                return try await run(
                    tasks, client: client, endpoint: settings.endpoint, options: options, coverage: coverage,
                    progress: progress, progressFinished: progressFinished)
            } catch {
                throw KnownManifest(underlying: error, manifest: tasks.info)
            }
        }
    }
}

/// An error that stopped a run after its task list was known, so that the failed run's summary still names it.
public struct KnownManifest: Error, CustomStringConvertible {
    public let underlying: any Error
    public let manifest: ManifestInfo

    public var description: String { "\(underlying)" }
}
