import AsyncHTTPClient
import Foundation
import Logging
import Pipeline
import ReportModel
import SMSAPI
import SMSMock
import TestSupport
import Testing

/// The pipeline against the real mock server over loopback HTTP.
@Suite struct PipelineRunTests {
    static let token = "pipeline-test-token"

    /// Runs the pipeline for `world`'s tasks (or `entries`) against a mock with `faults`; returns the snapshot,
    /// the saved artefact paths and the mock's counters.
    static func run(
        world: MockWorld, entries: [ManifestEntry]? = nil, faults: MockFaults = MockFaults(),
        languages: [ReportLanguage] = [.enUS], concurrency: Int = 8, token: String = token, retries: Int = 5
    ) async throws -> (snapshot: ResultsSnapshot, saved: [String], counters: MockCounters.Snapshot) {
        var options = MockOptions(token: Self.token)
        options.faults = faults
        let manifest = world.manifest(entries: entries)
        let saved = SavedArtefacts()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try await MockServer.withRunning(world: world, options: options, logger: logger) { mock in
            var configuration = SMSClientConfiguration()
            configuration.retry.maxRetries = retries
            configuration.retry.baseDelay = .milliseconds(1)
            configuration.retry.maxDelay = .milliseconds(5)
            configuration.retry.maxRetryAfter = .milliseconds(5)
            // Injected every-Nth 429s would slow the adaptive rate down; RateLimitedRunTests covers it.
            configuration.adaptiveRate = nil
            let snapshot = try await HTTPClient.withHTTPClient { http in
                let client = SMSClient(
                    httpClient: http, endpoint: mock.endpoint, credentials: .token(token),
                    configuration: configuration, logger: logger)
                let run = PipelineRun(
                    client: client, endpoint: mock.endpoint,
                    options: PipelineRun.Options(languages: languages, concurrency: concurrency, toolVersion: "test"),
                    logger: logger)
                return try await run.run(manifest, saveArtefact: { path, _ in await saved.add(path) })
            }
            return (snapshot, await saved.paths, mock.counters.snapshot())
        }
    }

    actor SavedArtefacts {
        var paths: [String] = []
        func add(_ path: String) { paths.append(path) }
    }

    @Test func batchesExportsAndCollectsEveryTaskOnce() async throws {
        let world = MockWorld.synthetic(taskCount: 1_234, seed: 11)
        var faults = MockFaults()
        faults.latency = .milliseconds(2)
        let (snapshot, saved, counters) = try await Self.run(world: world, faults: faults, concurrency: 8)
        #expect(counters.exportBatches.allSatisfy { $0.status == 200 })
        #expect(counters.exportBatches.map(\.size) == [200, 200, 200, 200, 200, 200, 34])
        #expect(counters.exportBatches.flatMap(\.taskIDs) == world.taskInfos.map(\.taskID))
        #expect(counters.resultAnswersPerTask.count == 1_234)
        #expect(counters.resultAnswersPerTask.values.allSatisfy { $0 == 1 })
        #expect(counters.maxInFlightResultRequests <= 8)
        #expect(counters.maxInFlightResultRequests > 1)
        #expect(snapshot.tasks.map(\.taskID) == world.taskInfos.map(\.taskID))
        #expect(saved.count == 7)
        #expect(saved.first?.hasPrefix("exports/en-us/batch-0001.") == true)
        for (record, task) in zip(snapshot.tasks, world.tasks) {
            #expect(record.error == nil)
            #expect(record.directories.map(\.path) == task.directories.map(\.path))
            #expect(record.directories.map(\.counts.total) == task.directories.map(\.total))
        }
    }

    @Test func twoLanguagesExportTwiceCollectOnce() async throws {
        let world = MockWorld.synthetic(taskCount: 450, seed: 3)
        let (snapshot, _, counters) = try await Self.run(world: world, languages: [.enUS, .zhCN])
        #expect(counters.exportBatches.map(\.language) == ["en-us", "en-us", "en-us", "zh-cn", "zh-cn", "zh-cn"])
        #expect(counters.resultAnswersPerTask.values.reduce(0, +) == 450)
        #expect(snapshot.exports.map(\.language) == [.enUS, .enUS, .enUS, .zhCN, .zhCN, .zhCN])
    }

    @Test func rejectedChineseExportFallsBackToEnglish() async throws {
        let world = MockWorld.synthetic(taskCount: 30, seed: 5)
        var faults = MockFaults()
        faults.exportAcceptedLanguages = ["en-us"]
        let (snapshot, saved, _) = try await Self.run(world: world, faults: faults, languages: [.zhCN])
        #expect(snapshot.exports.count == 1)
        #expect(snapshot.exports[0].requestedLanguage == .zhCN)
        #expect(snapshot.exports[0].language == .enUS)
        #expect(snapshot.exports[0].fellBack)
        #expect(saved.first?.hasPrefix("exports/zh-cn/batch-0001.") == true)
    }

    @Test func notFoundAndUnreadableTasksBecomeErrorRows() async throws {
        let world = MockWorld.synthetic(taskCount: 40, seed: 9)
        let ids = world.taskInfos.map(\.taskID)
        var faults = MockFaults()
        faults.notFoundTaskIDs = [ids[3], ids[17], ids[30]]
        faults.malformedTaskIDs = [ids[5]]
        let (snapshot, _, _) = try await Self.run(world: world, faults: faults)
        let failed = snapshot.tasks.filter { $0.error != nil }
        #expect(failed.map(\.taskID) == [ids[3], ids[5], ids[17], ids[30]])
        #expect(failed.filter { $0.error?.httpStatus == 404 }.count == 3)
        let unreadable = try #require(snapshot.tasks[5].error)
        #expect(unreadable.kind == .unrecognizedResponse)
        #expect(unreadable.rawBody?.isEmpty == false)
        #expect(snapshot.tasks.filter { $0.error == nil }.count == 36)
    }

    @Test func faultMixIsRecoveredWithEveryResultCorrect() async throws {
        let world = MockWorld.synthetic(taskCount: 300, seed: 21)
        var faults = MockFaults()
        faults.throttleEveryNth = 7
        faults.retryAfter = "0"
        faults.serverErrorRate = 0.1
        faults.serverErrorSeed = 4
        faults.latency = .milliseconds(1)
        let (snapshot, _, counters) = try await Self.run(world: world, faults: faults, retries: 8)
        #expect(counters.throttled > 0)
        #expect(counters.serverErrors > 0)
        #expect(snapshot.tasks.allSatisfy { $0.error == nil })
        #expect(snapshot.exports.allSatisfy { $0.error == nil })
        for (record, task) in zip(snapshot.tasks, world.tasks) {
            #expect(record.finishedTime == task.finishedTime)
            #expect(record.directories.count == task.directories.count)
        }
    }

    @Test func aWrongTokenStopsTheRunEarly() async throws {
        let world = MockWorld.synthetic(taskCount: 500, seed: 1)
        let error = await #expect(throws: PipelineError.self) {
            _ = try await Self.run(world: world, token: "wrong-token")
        }
        #expect(error?.isAuthenticationRejected == true)
        #expect(error.map { "\($0)" }?.contains("wrong-token") == false)
    }
}

extension PipelineRunTests {
    @Test func anUnreachableEndpointStopsTheRun() async throws {
        var configuration = SMSClientConfiguration()
        configuration.retry.maxRetries = 1
        configuration.retry.baseDelay = .milliseconds(1)
        configuration.connectTimeout = .milliseconds(200)
        let endpoint = try SMSEndpoint(url: "http://127.0.0.1:1")
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let entries = (0..<20).map {
            ManifestEntry(
                taskID: "t-\($0)", sourceID: "s", sourceName: "n",
                location: ManifestLocation(file: "m.csv", line: $0 + 2))
        }
        let manifest = Manifest(entries: entries, info: ManifestInfo(name: "m.csv", sha256: "", taskCount: 20))
        let error = await #expect(throws: PipelineError.self) {
            try await SMSClient.withClient(
                endpoint: endpoint, credentials: .token(Self.token), configuration: configuration, logger: logger
            ) { client in
                let run = PipelineRun(
                    client: client, endpoint: endpoint,
                    options: PipelineRun.Options(languages: [.enUS], toolVersion: "test"), logger: logger)
                _ = try await run.run(manifest, saveArtefact: { _, _ in })
            }
        }
        #expect(error?.isEndpointUnreachable == true)
    }
}

extension PipelineRunTests {
    @Test func anAccountWithoutPermissionStopsAfterFiveAnswers() async throws {
        let world = MockWorld.synthetic(taskCount: 300, seed: 12)
        var faults = MockFaults()
        faults.permissionDenied = true
        let error = await #expect(throws: PipelineError.self) {
            _ = try await Self.run(world: world, faults: faults)
        }
        #expect(error?.isPermissionDenied == true)
        #expect(error.map { "\($0)" }?.contains("SMS.9004") == true)
    }

    @Test func aFewForbiddenTasksAreErrorRows() async throws {
        let world = MockWorld.synthetic(taskCount: 50, seed: 13)
        let ids = world.taskInfos.map(\.taskID)
        var faults = MockFaults()
        faults.forbiddenTaskIDs = [ids[10], ids[40]]
        let (snapshot, _, _) = try await Self.run(world: world, faults: faults)
        #expect(snapshot.tasks.filter { $0.error?.httpStatus == 403 }.map(\.taskID) == [ids[10], ids[40]])
        #expect(snapshot.tasks[10].error?.code == "SMS.9004")
    }
}
