import Foundation
import Logging
import Pipeline
import ReportModel
import SMSAPI
import SMSMock
import TestSupport
import Testing

/// The pipeline against a mock with a server-side rate limit, and with many requests in flight: the live clock,
/// loopback HTTP, the client built from its configuration as `smsreport run` builds it.
@Suite struct RateLimitedRunTests {
    static let token = "rate-limit-test-token"

    /// Runs the whole pipeline (one export language) over `world` at `concurrency`; returns the snapshot and the
    /// mock's counters.
    static func run(
        world: MockWorld, faults: MockFaults, concurrency: Int
    ) async throws -> (ResultsSnapshot, MockCounters.Snapshot) {
        var options = MockOptions(token: token)
        options.faults = faults
        let manifest = world.manifest()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try await MockServer.withRunning(world: world, options: options, logger: logger) { mock in
            var configuration = SMSClientConfiguration()
            configuration.retry.maxRetries = 8
            configuration.maxConnections = concurrency
            let snapshot = try await SMSClient.withClient(
                endpoint: mock.endpoint, credentials: .token(token), configuration: configuration, logger: logger
            ) { client in
                let run = PipelineRun(
                    client: client, endpoint: mock.endpoint,
                    options: PipelineRun.Options(languages: [.enUS], concurrency: concurrency, toolVersion: "test"),
                    logger: logger)
                return try await run.run(manifest, saveArtefact: { _, _ in })
            }
            return (snapshot, mock.counters.snapshot())
        }
    }

    @Test func aRunAgainstARateLimitCollectsEveryTask() async throws {
        let world = MockWorld.synthetic(taskCount: 300, seed: 14)
        let (snapshot, counters) = try await Self.run(
            world: world, faults: MockFaults(latency: .milliseconds(2), rateLimit: 200), concurrency: 16)
        #expect(snapshot.tasks.count == 300)
        #expect(snapshot.tasks.allSatisfy { $0.error == nil })
        #expect(snapshot.exports.allSatisfy { $0.error == nil })
        for (record, task) in zip(snapshot.tasks, world.tasks) { #expect(record.finishedTime == task.finishedTime) }
        // Every 429 was retried and answered in the end: each task answered once, nothing else refused.
        #expect(counters.resultAnswersPerTask.count == 300)
        #expect(counters.resultAnswersPerTask.values.allSatisfy { $0 == 1 })
        #expect(counters.totalRequests == 300 + snapshot.exports.count + counters.throttled)
        #expect(counters.serverErrors == 0)
    }

    @Test func requestsInFlightFollowTheConcurrencyNotAFixedPool() async throws {
        let world = MockWorld.synthetic(taskCount: 96, seed: 15)
        let (snapshot, counters) = try await Self.run(
            world: world, faults: MockFaults(latency: .milliseconds(100)), concurrency: 32)
        #expect(snapshot.tasks.allSatisfy { $0.error == nil })
        #expect(counters.maxInFlightResultRequests <= 32)
        // AsyncHTTPClient's default pool holds 8 connections per host: more than 16 in flight means the pool follows.
        #expect(counters.maxInFlightResultRequests > 16)
    }
}
