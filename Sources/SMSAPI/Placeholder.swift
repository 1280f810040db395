// Temporary stand-in for the SMSAPI surface while the client is built on its own branch (issue 2).
import AsyncHTTPClient
import Logging

public struct SMSEndpoint: Sendable, Hashable {
    public var url: String
    public var host: String
    public init(url: String) throws { self.url = url; self.host = url }
    public static func region(_ id: String) -> SMSEndpoint { try! SMSEndpoint(url: "https://sms.\(id).myhuaweicloud.com") }
}
public struct AccessKeyCredentials: Sendable {}
public enum SMSCredentials: Sendable {
    case token(String)
    case accessKey(AccessKeyCredentials)
    public static func resolve(environment: [String: String], tokenFile: String?) throws -> SMSCredentials { .token("") }
}
public struct TaskInfo: Codable, Sendable, Hashable {
    public var taskID: String
    public var sourceID: String
    public var sourceName: String
    public init(taskID: String, sourceID: String, sourceName: String) {
        self.taskID = taskID; self.sourceID = sourceID; self.sourceName = sourceName
    }
}
public struct ExportedFile: Sendable {
    public var body: [UInt8]
    public var contentType: String?
    public var fileNameHint: String?
    public var requestID: String?
}
public struct TaskConsistencyResult: Sendable, Hashable {
    public var directories: [DirectoryCheck]
    public var finishedTimeMilliseconds: Int64?
}
public struct DirectoryCheck: Sendable, Hashable {
    public var path: String
    public var total, different, missingOnTarget, extraOnTarget: Int
}
public struct MigrationTask: Sendable, Hashable {
    public var id, name, state: String
    public var sourceID, sourceName, sourceIP: String
}
public struct SMSAPIError: Error, CustomStringConvertible, Sendable {
    public var httpStatus: Int?
    public var errorCode: String?
    public var errorMessage: String
    public var requestID: String?
    public var rawBody: String?
    public var isUnrecognizedResponse: Bool
    public var isTransport: Bool
    public var isAuthenticationRejected: Bool
    public var isPermissionDenied: Bool
    public var description: String { errorMessage }
}
public struct RetryPolicy: Sendable { public var maxRetries = 5; public init() {} }
public struct SMSClientConfiguration: Sendable {
    public var retry = RetryPolicy()
    public var requestsPerSecond: Double?
    public var tlsVerification = true
    public init() {}
}
public struct SMSClient: Sendable {
    public init(httpClient: HTTPClient, endpoint: SMSEndpoint, credentials: SMSCredentials, configuration: SMSClientConfiguration = .init(), logger: Logger) {}
    public func exportConsistencyResults(_ batch: [TaskInfo], language: String) async throws -> ExportedFile { fatalError() }
    public func consistencyResult(taskID: String) async throws -> TaskConsistencyResult { fatalError() }
    public func allTasks(state: String?, pageSize: Int = 100) async throws -> [MigrationTask] { fatalError() }
}
