import Foundation
import Logging
import ReportModel
import SMSAPI

/// The pipeline from a validated manifest to a results snapshot: batches → export per language → collect.
///
/// Disk and network stay at the edges: the client is passed in, artefacts go to a sink; the value that
/// comes out, a ``ResultsSnapshot``, is what every report is rendered from.
public struct PipelineRun: Sendable {
    /// How the run behaves.
    public struct Options: Sendable {
        /// Export languages, one export pass each (those some report uses).
        public var languages: [ReportLanguage]
        public var batchSize: Int
        /// Requests in flight at most.
        public var concurrency: Int
        /// False with `--no-export`.
        public var export: Bool
        public var toolVersion: String

        public init(
            languages: [ReportLanguage], batchSize: Int = ExportBatch.maximumSize, concurrency: Int = 8,
            export: Bool = true, toolVersion: String
        ) {
            self.languages = languages
            self.batchSize = batchSize
            self.concurrency = concurrency
            self.export = export
            self.toolVersion = toolVersion
        }
    }

    public let client: SMSClient
    public let endpoint: SMSEndpoint
    public let options: Options
    public let logger: Logger
    /// The wall clock, injectable for tests.
    public let now: @Sendable () -> Date

    public init(
        client: SMSClient, endpoint: SMSEndpoint, options: Options, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = client
        self.endpoint = endpoint
        self.options = options
        self.logger = logger
        self.now = now
    }

    /// Runs the stages and returns everything fetched; throws ``PipelineError`` when the run must stop.
    public func run(
        _ manifest: Manifest, saveArtefact: @escaping @Sendable (String, [UInt8]) async throws -> Void,
        progress: @escaping (PipelineProgress) -> Void = { _ in }
    ) async throws -> ResultsSnapshot {
        let startedAt = now()
        let batches = ExportBatch.plan(manifest.entries, size: options.batchSize)
        let languages = options.export ? options.languages : []
        let guardian = RequestGuard(plannedRequests: manifest.entries.count + batches.count * languages.count)
        let exporter = ExportStage(client: client, guardian: guardian, logger: logger)
        var exports: [ExportRecord] = []
        for language in languages {
            exports += try await exporter.export(batches, language: language, save: saveArtefact, progress: progress)
        }
        let collector = ResultCollector(
            client: client, guardian: guardian, concurrency: options.concurrency, logger: logger)
        let tasks = try await collector.collect(manifest.entries, progress: progress)
        let run = RunMetadata(
            toolVersion: options.toolVersion, startedAt: startedAt, finishedAt: now(), endpointHost: endpoint.host,
            manifest: manifest.info, languages: languages)
        return ResultsSnapshot(run: run, tasks: tasks, exports: exports)
    }

    /// The requests a run would make, for `--dry-run`: batches per language and one GET per task.
    public static func plan(_ manifest: Manifest, options: Options) -> RunPlan {
        let batches = ExportBatch.plan(manifest.entries, size: options.batchSize)
        return RunPlan(
            batches: batches, languages: options.export ? options.languages : [], taskCount: manifest.entries.count)
    }
}

/// What a run will request: shown by `--dry-run`.
public struct RunPlan: Sendable {
    public var batches: [ExportBatch]
    public var languages: [ReportLanguage]
    public var taskCount: Int

    /// Export requests in all: one per batch and language.
    public var exportRequests: Int { batches.count * languages.count }
}
