import Foundation
import SMSAPI
import SMSMock
import TestSupport
import Testing

/// The real client against the real mock over loopback HTTP: all three calls, both auth modes, every shape.
@Suite struct ClientAgainstMockTests {
    static let world = MockWorld.synthetic(taskCount: 30, seed: 11)

    @Test(arguments: MockSession.credentialVariants)
    func allThreeCalls(_ credentials: SMSCredentials) async throws {
        let capture = LogCapture()
        try await MockSession.run(world: Self.world, credentials: credentials, logger: capture.logger()) {
            client, mock in
            for task in Self.world.tasks {
                #expect(try await client.consistencyResult(taskID: task.id) == task.result)
            }
            let exported = try await client.exportConsistencyResults(
                Array(Self.world.taskInfos.prefix(12)), language: "zh-cn")
            #expect(exported.contentType == "text/csv;charset=UTF-8")
            #expect(exported.fileNameHint == "consistency-results-zh-cn.csv")
            #expect(exported.requestID?.hasPrefix("mock-") == true)
            let text = String(decoding: exported.body, as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}任务ID,"))
            #expect(Self.world.taskInfos.prefix(12).allSatisfy { text.contains($0.taskID) })

            let page = try await client.listTasks(state: nil, limit: 7, offset: 7)
            #expect(page.count == 30)
            #expect(page.tasks.map(\.id) == Self.world.tasks[7..<14].map(\.id))
            #expect(page.tasks.map(\.taskInfo) == Array(Self.world.taskInfos[7..<14]))
            #expect(page.tasks.first?.sourceIP == Self.world.tasks[7].sourceIP)
            // Paging through the whole list is Discovery's (PipelineTests/DiscoveryAgainstMockTests).

            let counters = mock.counters.snapshot()
            #expect(counters.authenticationRejections == 0)
            #expect(counters.exportBatches.map(\.shape) == [MockCounters.ExportBatch(size: 12, language: "zh-cn")])
            #expect(counters.requestsPerRoute["consistency-result"] == 30)
            #expect(counters.requestsPerRoute["list-tasks"] == 1)
        }
        for line in capture.text {
            for secret in MockSession.secrets { #expect(!line.contains(secret)) }
        }
    }

    @Test(arguments: [
        MockFaults(responseShape: .b), MockFaults(responseShape: .c), MockFaults(responseShape: .rotating),
        MockFaults(finishedTimeAsString: true), MockFaults(finishedTimeInSeconds: true, responseShape: .c),
        MockFaults(finishedTimeAsString: true, finishedTimeInSeconds: true, responseShape: .rotating),
    ])
    func everyShapeDecodesToTheSameResult(_ faults: MockFaults) async throws {
        try await MockSession.run(
            world: Self.world, options: MockSession.options(faults: faults), logger: LogCapture().logger()
        ) { client, _ in
            for task in Self.world.tasks {
                var expected = task.result
                if faults.finishedTimeInSeconds {
                    expected.finishedTimeMilliseconds = expected.finishedTimeMilliseconds.map { $0 / 1000 * 1000 }
                }
                let result = try await client.consistencyResult(taskID: task.id)
                #expect(result == expected)
            }
        }
    }

    @Test func taskIDsNeedingEncodingReachTheRightTask() async throws {
        let infos = ["a b+c~d", "x/y", "数据-1", "q?r=s&t", "%41"].map {
            TaskInfo(taskID: $0, sourceID: "s", sourceName: "n")
        }
        let world = MockWorld.synthetic(tasks: infos, seed: 2)
        for credentials in MockSession.credentialVariants {
            try await MockSession.run(world: world, credentials: credentials, logger: LogCapture().logger()) {
                client, mock in
                for task in world.tasks {
                    let result = try await client.consistencyResult(taskID: task.id)
                    #expect(result == task.result, "\(task.id)")
                }
                #expect(mock.counters.snapshot().authenticationRejections == 0)
            }
        }
    }
}
