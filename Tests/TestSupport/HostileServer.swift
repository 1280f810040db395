import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A raw TCP server on 127.0.0.1 (port 0) that answers every request with scripted bytes, the way a broken or
/// hostile server would: a status line below 100, a body that drips, silence, a closed connection, a huge body.
///
/// It reads nothing but the first bytes of a request; each new connection asks `script` what to play, with
/// its number (0 for the first).
public final class HostileServer: Sendable {
    /// What the server does on one connection once the request's first bytes arrived.
    public enum Behaviour: Sendable {
        /// Writes these bytes, then closes.
        case raw(String)
        /// Writes `head` at once, then one byte of `byte` every `interval`, forever.
        case drip(head: String, byte: UInt8, interval: TimeAmount)
        /// Reads and never answers.
        case silent
        /// Closes the connection without a byte.
        case close
    }

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let counter: NIOLockedValueBox<Int>
    private let heads: NIOLockedValueBox<[String]>

    /// The port it listens on.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public var url: String { "http://127.0.0.1:\(port)" }
    /// Connections accepted so far.
    public var connections: Int { counter.withLockedValue { $0 } }
    /// The first bytes received on each connection (request line and headers, as text), in arrival order.
    public var requests: [String] { heads.withLockedValue { $0 } }

    /// Starts a server that plays `script(connectionNumber)` on each connection.
    public init(script: @escaping @Sendable (Int) -> Behaviour) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let counter = NIOLockedValueBox(0)
        let heads = NIOLockedValueBox<[String]>([])
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let number = counter.withLockedValue { value -> Int in
                    defer { value += 1 }
                    return value
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ScriptHandler(behaviour: script(number)) { head in heads.withLockedValue { $0.append(head) } })
                }
            }
        do {
            self.channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        self.group = group
        self.counter = counter
        self.heads = heads
        self.port = channel.localAddress?.port ?? 0
    }

    /// A server that plays the same behaviour on every connection.
    public convenience init(always behaviour: Behaviour) async throws {
        try await self.init(script: { _ in behaviour })
    }

    /// Closes the listening socket and every connection.
    public func shutdown() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Plays one behaviour on one connection.
private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let behaviour: HostileServer.Behaviour
    private let record: (String) -> Void
    private var started = false
    private var drip: RepeatedTask?

    init(behaviour: HostileServer.Behaviour, record: @escaping (String) -> Void) {
        self.behaviour = behaviour
        self.record = record
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !started else { return }
        started = true
        record(String(buffer: unwrapInboundIn(data)))
        switch behaviour {
        case .raw(let text):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .drip(let head, let byte, let interval):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: head)), promise: nil)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            drip = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                let context = loopBound.value
                context.writeAndFlush(NIOAny(ByteBuffer(bytes: [byte])), promise: nil)
            }
        case .silent:
            break
        case .close:
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        drip?.cancel()
        drip = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
