import Foundation
import SMSAPI
import SMSMock
import TestSupport
import Testing

/// Faults injected by the mock and what the client makes of them, on a test clock so that retries do not sleep.
@Suite struct FaultRecoveryTests {
    static let world = MockWorld.synthetic(taskCount: 60, seed: 99)

    /// Retries only: the adaptive rate's own pacing has its own tests (AdaptiveRateTests, RateLimitedRunTests).
    static func configuration(_ clock: TestClock, retries: Int = 5) -> SMSClientConfiguration {
        var configuration = SMSClientConfiguration(retry: RetryPolicy(maxRetries: retries), clock: clock.clock)
        configuration.adaptiveRate = nil
        return configuration
    }

    @Test func faultMixIsRecoveredWithEveryResultCorrect() async throws {
        let clock = TestClock(random: [0.1, 0.7, 0.3, 0.9])
        let faults = MockFaults(
            latency: .milliseconds(15), throttleEveryNth: 7, retryAfter: "2", serverErrorRate: 0.15, serverErrorSeed: 5,
            responseShape: .rotating)
        try await MockSession.run(
            world: Self.world, options: MockSession.options(faults: faults),
            configuration: Self.configuration(clock, retries: 8),
            logger: LogCapture().logger()
        ) { client, mock in
            let results = try await withThrowingTaskGroup(of: (String, TaskConsistencyResult).self) { group in
                for task in Self.world.tasks {
                    group.addTask { (task.id, try await client.consistencyResult(taskID: task.id)) }
                }
                return try await group.reduce(into: [String: TaskConsistencyResult]()) { $0[$1.0] = $1.1 }
            }
            #expect(results.count == 60)
            for task in Self.world.tasks { #expect(results[task.id] == task.result) }
            let exported = try await client.exportConsistencyResults(Self.world.taskInfos, language: "en-us")
            #expect(!exported.body.isEmpty)
            let counters = mock.counters.snapshot()
            #expect(counters.throttled > 0)
            #expect(counters.serverErrors > 0)
            #expect(counters.maxInFlightResultRequests > 1)
            #expect(counters.totalRequests == 61 + counters.throttled + counters.serverErrors)
            #expect(clock.sleeps.filter { $0 == .seconds(2) }.count == counters.throttled)
        }
    }

    @Test func throttlingWithoutEndGivesUpAfterTheRetries() async throws {
        let clock = TestClock()
        let faults = MockFaults(throttleEveryNth: 1, retryAfter: "3")
        try await MockSession.run(
            world: Self.world, options: MockSession.options(faults: faults),
            configuration: Self.configuration(clock, retries: 3),
            logger: LogCapture().logger()
        ) { client, mock in
            let task = Self.world.tasks[0].id
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: task)
            }
            #expect(error.httpStatus == 429)
            #expect(error.errorCode == "APIG.0308")
            #expect(error.taskID == task)
            #expect(error.description.contains("APIG.0308 (HTTP 429) for task \(task)"))
            #expect(mock.counters.snapshot().totalRequests == 4)
            #expect(clock.sleeps == [.seconds(3), .seconds(3), .seconds(3)])
        }
    }

    @Test func throttlingWithoutRetryAfterBacksOffWithJitter() async throws {
        let clock = TestClock(random: [0.5])
        let faults = MockFaults(throttleEveryNth: 1, retryAfter: nil)
        var configuration = SMSClientConfiguration(
            retry: RetryPolicy(maxRetries: 3, baseDelay: .seconds(1), maxDelay: .seconds(60)), clock: clock.clock)
        configuration.adaptiveRate = nil
        try await MockSession.run(
            world: Self.world, options: MockSession.options(faults: faults), configuration: configuration,
            logger: LogCapture().logger()
        ) { client, _ in
            await #expect(throws: SMSAPIError.self) { try await client.listTasks(state: nil, limit: 1, offset: 0) }
            #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
        }
    }

    @Test func notFoundAndMalformedAreFinalPerTaskErrors() async throws {
        let lost = Self.world.tasks[1].id
        let broken = Self.world.tasks[2].id
        let clock = TestClock()
        let faults = MockFaults(notFoundTaskIDs: [lost], malformedTaskIDs: [broken])
        try await MockSession.run(
            world: Self.world, options: MockSession.options(faults: faults), configuration: Self.configuration(clock),
            logger: LogCapture().logger()
        ) { client, mock in
            let missing = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: lost)
            }
            #expect(missing.isNotFound)
            #expect(missing.errorCode == "SMS.6105")
            #expect(missing.requestID?.hasPrefix("mock-") == true)
            let unreadable = try await #require(throws: SMSAPIError.self) {
                try await client.consistencyResult(taskID: broken)
            }
            #expect(unreadable.isUnrecognizedResponse)
            #expect(unreadable.rawBody?.hasPrefix(#"{"consistency_result":[{"dir_check""#) == true)
            #expect(try await client.consistencyResult(taskID: Self.world.tasks[3].id) == Self.world.tasks[3].result)
            #expect(mock.counters.snapshot().totalRequests == 3)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func languageTheServerRefusesIsA400() async throws {
        let faults = MockFaults(exportAcceptedLanguages: ["en-us"])
        try await MockSession.run(
            world: Self.world, options: MockSession.options(faults: faults), logger: LogCapture().logger()
        ) { client, mock in
            let batch = Array(Self.world.taskInfos.prefix(3))
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.exportConsistencyResults(batch, language: "zh-cn")
            }
            #expect(error.httpStatus == 400)
            #expect(error.errorCode == "SMS.0206")
            _ = try await client.exportConsistencyResults(batch, language: "en-us")
            #expect(
                mock.counters.snapshot().exportBatches.map(\.shape) == [
                    MockCounters.ExportBatch(size: 3, language: "zh-cn", status: 400),
                    MockCounters.ExportBatch(size: 3, language: "en-us", status: 200),
                ])
            #expect(mock.counters.snapshot().totalRequests == 2)
        }
    }

    @Test func oversizedBatchesAreRefusedBeforeSending() async throws {
        let world = MockWorld.synthetic(taskCount: 201, seed: 1)
        try await MockSession.run(world: world, logger: LogCapture().logger()) { client, mock in
            await #expect(throws: SMSAPIError.self) {
                try await client.exportConsistencyResults(world.taskInfos, language: "en-us")
            }
            await #expect(throws: SMSAPIError.self) { try await client.exportConsistencyResults([], language: "en-us") }
            let long = TaskInfo(taskID: "t", sourceID: "s", sourceName: String(repeating: "名", count: 256))
            await #expect(throws: SMSAPIError.self) {
                try await client.exportConsistencyResults([long], language: "en-us")
            }
            #expect(mock.counters.snapshot().totalRequests == 0)
        }
    }

    @Test func responsesOverTheLimitAreRefused() async throws {
        let clock = TestClock()
        var configuration = Self.configuration(clock)
        configuration.maxResponseBytes = 64
        try await MockSession.run(world: Self.world, configuration: configuration, logger: LogCapture().logger()) {
            client, _ in
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.listTasks(state: nil, limit: 10, offset: 0)
            }
            #expect(error.isResponseTooLarge)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func slowAnswersHitTheReadDeadline() async throws {
        let clock = TestClock()
        var configuration = Self.configuration(clock, retries: 1)
        configuration.readTimeout = .milliseconds(100)
        let faults = MockFaults(latency: .milliseconds(600))
        try await MockSession.run(
            world: Self.world, options: MockSession.options(faults: faults), configuration: configuration,
            logger: LogCapture().logger()
        ) { client, _ in
            let error = try await #require(throws: SMSAPIError.self) {
                try await client.listTasks(state: nil, limit: 1, offset: 0)
            }
            #expect(error.isTransport)
            #expect(clock.sleeps.count == 1)
        }
    }

    @Test func rateLimitSpacesRequests() async throws {
        let clock = TestClock()
        var configuration = Self.configuration(clock)
        configuration.requestsPerSecond = 5
        try await MockSession.run(world: Self.world, configuration: configuration, logger: LogCapture().logger()) {
            client, _ in
            for task in Self.world.tasks.prefix(4) { _ = try await client.consistencyResult(taskID: task.id) }
            #expect(clock.sleeps == Array(repeating: .milliseconds(200), count: 3))
        }
    }
}
