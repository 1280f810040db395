import AsyncHTTPClient
import Foundation
import Logging
import Pipeline
import ReportModel
import SMSAPI
import SMSMock
import TestSupport
import Testing

// A time limit, so that a client that hangs fails the test instead of hanging the suite.
/// `--deadline` in the pipeline: what is not done by then becomes a row (or a failed batch), and the run returns.
@Suite(.timeLimit(.minutes(1))) struct RunDeadlineTests {
    // Not a word of any message: prefixes of 8 or more characters of a secret are redacted everywhere.
    static let token = "t0k3n-for-run-deadline-tests"

    /// Runs the pipeline over `world` with a run deadline `seconds` from now.
    static func run(
        world: MockWorld, deadlineIn seconds: Double, faults: MockFaults = MockFaults(), export: Bool,
        concurrency: Int = 8
    ) async throws -> (ResultsSnapshot, MockCounters.Snapshot) {
        var options = MockOptions(token: token)
        options.faults = faults
        let manifest = world.manifest()
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
        // The first task is answered; every later request hangs until the deadline cuts it.
        let answer = #"{"consistency_result":[{"dir_check":"/","num_total_files":3}],"finished_time":0}"#
        let server = try await HostileServer { number in
            number == 0
                ? .raw(
                    "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: \(answer.utf8.count)\r\n\r\n\(answer)")
                : .silent
        }
        defer { Task { await server.shutdown() } }
        let entries = (1...20).map {
            ManifestEntry(
                taskID: "t-\($0)", sourceID: "s-\($0)", sourceName: "server \($0)",
                location: ManifestLocation(file: "m.csv", line: $0 + 1))
        }
        let manifest = Manifest(
            entries: entries,
            info: ManifestInfo(name: "m.csv", sha256: String(repeating: "0", count: 64), taskCount: 20))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        var configuration = SMSClientConfiguration()
        // 10 s: the first answer must arrive before it while the whole suite keeps this process busy on 2 cores.
        configuration.runDeadline = Date().addingTimeInterval(10)
        let start = ContinuousClock.now
        let snapshot = try await SMSClient.withClient(
            endpoint: try SMSEndpoint(url: server.url), credentials: .token(Self.token), configuration: configuration,
            logger: logger
        ) { client in
            try await PipelineRun(
                client: client, endpoint: client.endpoint,
                options: PipelineRun.Options(languages: [.enUS], concurrency: 1, export: false, toolVersion: "test"),
                logger: logger
            ).run(manifest, saveArtefact: { _, _ in })
        }
        // Generous: loaded test machines; the check that matters is what was fetched and what was not.
        #expect(ContinuousClock.now - start < .seconds(45))
        #expect(snapshot.tasks.map(\.taskID) == entries.map(\.taskID))
        #expect(snapshot.tasks[0].error == nil)
        #expect(snapshot.tasks[0].directories.count == 1)
        #expect(
            snapshot.tasks.dropFirst().allSatisfy { $0.error?.message == "not fetched: run deadline reached" },
            "\(snapshot.tasks.map { $0.error?.message ?? "fetched" })")
        // At most the first two tasks reached the server: the rest were never sent.
        #expect(server.connections <= 2)
    }
}
