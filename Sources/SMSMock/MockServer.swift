import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import SMSAPI

/// The mock SMS API: a real Hummingbird server on 127.0.0.1.
public enum MockServer {
    /// Binds 127.0.0.1:port (0 = ephemeral), runs `body` with the running server, shuts down after; with `tls`
    /// it speaks HTTPS.
    public static func withRunning<T: Sendable>(
        world: MockWorld, options: MockOptions, port: Int = 0, tls: MockTLS? = nil, logger: Logger,
        _ body: (RunningMock) async throws -> T
    ) async throws -> T {
        let counters = MockCounters()
        let issued = MockIssuedKeys()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try application(
            world: world, options: options, counters: counters, issued: issued, port: port, tls: tls, logger: logger,
            onListening: { continuation.yield($0) })
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await app.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next() else {
                try await group.next()
                throw MockServerError(message: "the mock server stopped before listening")
            }
            let running = RunningMock(
                port: bound, endpoint: try SMSEndpoint(url: "\(tls == nil ? "http" : "https")://127.0.0.1:\(bound)"),
                counters: counters, issued: issued)
            do {
                let value = try await body(running)
                group.cancelAll()
                return value
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Runs until cancelled or until SIGINT/SIGTERM; calls `onListening` with the bound port
    /// (for `smsreport mock-server`).
    public static func run(
        world: MockWorld, options: MockOptions, port: Int, tls: MockTLS? = nil, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let app = try application(
            world: world, options: options, counters: MockCounters(), issued: MockIssuedKeys(), port: port, tls: tls,
            logger: logger, onListening: onListening)
        try await app.runService()
    }

    private static func application(
        world: MockWorld, options: MockOptions, counters: MockCounters, issued: MockIssuedKeys, port: Int,
        tls: MockTLS?, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void
    ) throws -> some ApplicationProtocol {
        let routes = MockRoutes(world: world, options: options, counters: counters, issued: issued, logger: logger)
        let router = Router(context: BasicRequestContext.self)
        router.post("/v3/tasks/consistency-results/export") { request, _ in
            try await routes.serve("export", request) { try routes.export($0) }
        }
        router.get("/v3/tasks/{task_id}/consistency-result") { request, _ in
            counters.resultRequestStarted()
            defer { counters.resultRequestEnded() }
            return try await routes.serve("consistency-result", request) { routes.consistencyResult($0) }
        }
        router.get("/v3/tasks") { request, _ in
            try await routes.serve("list-tasks", request) { routes.listTasks($0) }
        }
        router.put("/meta-data/latest/api/token") { request, _ in routes.metadataToken(request) }
        router.get("/openstack/latest/securitykey") { request, _ in routes.securityKey(request) }
        router.get("/v3/projects") { request, _ in
            try await routes.serve("iam-projects", request) { routes.iamProjects($0) }
        }
        router.get("/_mock/counters") { _, _ in
            MockRoutes.json(.ok, counters.snapshot())
        }
        let server: HTTPServerBuilder =
            try tls.map { try HTTPServerBuilder.tls(.http1(), tlsConfiguration: $0.configuration()) } ?? .http1()
        return Application(
            router: router, server: server,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

/// A running mock: where it listens and what it has seen.
public struct RunningMock: Sendable {
    public var port: Int
    public var endpoint: SMSEndpoint
    public var counters: MockCounters
    /// The session tokens and temporary keys the metadata routes handed out.
    public var issued: MockIssuedKeys
}

/// The mock could not start.
public struct MockServerError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
