// Temporary stand-in for the SMSMock surface while the mock is built on its own branch (issue 2).
import Logging
import SMSAPI

public struct MockWorld: Sendable {
    public static func synthetic(tasks: [TaskInfo], seed: UInt64) -> MockWorld { MockWorld() }
}
public struct MockFaults: Sendable {
    public var throttleEveryNth: Int?
    public var notFoundTaskIDs: Set<String> = []
    public init() {}
}
public struct MockOptions: Sendable {
    public var token: String?
    public var faults = MockFaults()
    public init(token: String?) { self.token = token }
}
public struct RunningMock: Sendable {
    public var port: Int
    public var endpoint: SMSEndpoint
}
public enum MockServer {
    public static func withRunning<T: Sendable>(
        world: MockWorld, options: MockOptions, port: Int = 0, logger: Logger, _ body: (RunningMock) async throws -> T
    ) async throws -> T { fatalError() }
}
