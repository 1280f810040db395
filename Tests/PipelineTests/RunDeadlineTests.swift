import AsyncHTTPClient
import Foundation
import Logging
import Pipeline
import ReportModel
import SMSAPI
import SMSMock
import Testing
import TestSupport

/// `--deadline` in the pipeline: what is not done by then becomes a row (or a failed batch), and the run returns.
@Suite struct RunDeadlineTests {
    static let token = "deadline-test-token"

    /// Runs the pipeline over `world` with a run deadline `seconds` from now.
    static func run(
        world: MockWorld, deadlineIn seconds: Double, faults: MockFaults = MockFaults(), export: Bool,
        concurrency: Int = 8
    ) async throws -> (ResultsSnapshot, MockCounters.Snapshot) {
        var options = MockOptions(token: token)
        options.faults = faults
        let manifest = Manifest(
            entries: world.taskInfos.enumerated().map { index, info in
                ManifestEntry(
                    taskID: info.taskID, sourceID: info.sourceID, sourceName: info.sourceName,
                    location: ManifestLocation(file: "m.csv", line: index + 2))
            },
            info: ManifestInfo(name: "m.csv", sha256: String(repeating: "0", count: 64), taskCount: 0))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try await MockServer.withRunning(world: world, options: options, logger: logger) { mock in
            var configuration = SMSClientConfiguration()
            configuration.runDeadline = Date().addingTimeInterval(seconds)
            let snapshot = try await SMSClient.withClient(
                endpoint: mock.endpoint, credentials: .token(token), configuration: configuration, logger: logger
            ) { client in
                try await PipelineRun(
                    client: client, endpoint: mock.endpoint,
                    options: PipelineRun.Options(
                        languages: [.enUS], concurrency: concurrency, export: export, toolVersion: "test"),
                    logger: logger
                ).run(manifest, saveArtefact: { _, _ in })
            }
            return (snapshot, mock.counters.snapshot())
        }
    }

    @Test func aDeadlineAlreadyPassedRecordsEveryBatchAndTaskAsNotFetched() async throws {
        let world = MockWorld.synthetic(taskCount: 450, seed: 4)
        let (snapshot, counters) = try await Self.run(world: world, deadlineIn: -1, export: true)
        #expect(snapshot.exports.count == 3)
        #expect(snapshot.exports.allSatisfy { $0.error?.message == "not fetched: run deadline reached" })
        #expect(snapshot.tasks.count == 450)
        #expect(snapshot.tasks.allSatisfy { $0.error?.message == "not fetched: run deadline reached" })
        #expect(snapshot.tasks.allSatisfy { $0.error?.kind == .transport })
        #expect(counters.exportBatches.isEmpty)
        #expect(counters.resultAnswersPerTask.isEmpty)
    }

    @Test func aDeadlineMidRunKeepsWhatWasFetchedAndRecordsTheRest() async throws {
        let world = MockWorld.synthetic(taskCount: 40, seed: 6)
        var faults = MockFaults()
        faults.latency = .milliseconds(150)
        let start = ContinuousClock.now
        let (snapshot, _) = try await Self.run(
            world: world, deadlineIn: 1, faults: faults, export: false, concurrency: 1)
        #expect(ContinuousClock.now - start < .seconds(6))
        let fetched = snapshot.tasks.filter { $0.error == nil }
        let notFetched = snapshot.tasks.filter { $0.error?.message == "not fetched: run deadline reached" }
        #expect(!fetched.isEmpty)
        #expect(!notFetched.isEmpty)
        #expect(fetched.count + notFetched.count == 40)
        // Manifest order is kept: the fetched ones are the first.
        #expect(snapshot.tasks.prefix(fetched.count).allSatisfy { $0.error == nil })
    }
}
