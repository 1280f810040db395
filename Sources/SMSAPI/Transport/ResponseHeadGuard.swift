import NIOCore
import NIOHTTP1

/// A channel handler that sits between NIO's HTTP/1 response decoder and AsyncHTTPClient's request handler
/// and refuses a response head whose status is below 100 (`HTTP/1.1 000 …`).
///
/// AsyncHTTPClient 1.37.0 treats every status below 200 except 101 as an informational head and ignores it;
/// the body or end that follows then hits a `preconditionFailure` in `HTTPRequestStateMachine` ("How can we
/// receive a response body, if we haven't received a head") and the process dies with SIGILL. This handler
/// turns such an answer into an error on the channel, closes the connection and drops what follows, so the
/// state machine never sees it. See docs/known-issues.md.
final class ResponseHeadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias InboundOut = HTTPClientResponsePart

    /// The error the request fails with.
    struct InvalidStatus: Error, CustomStringConvertible {
        var code: UInt
        var description: String { "invalid HTTP status \(code) in the answer's status line" }
    }

    private var refused = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Once refused, the rest of that answer is dropped until the connection is closed.
        guard !refused else { return }
        if case .head(let head) = unwrapInboundIn(data), head.status.code < 100 {
            refused = true
            context.fireErrorCaught(InvalidStatus(code: head.status.code))
            context.close(promise: nil)
            return
        }
        context.fireChannelRead(data)
    }

    /// Installs a guard right after the HTTP/1 response decoder of an AsyncHTTPClient connection.
    ///
    /// Should a future AsyncHTTPClient build its pipeline differently, the connection is left as it is rather
    /// than failed: every request would fail otherwise, and the tests of the guard would show the change.
    static func install(on channel: any Channel) -> EventLoopFuture<Void> {
        channel.eventLoop.submit {
            let pipeline = channel.pipeline.syncOperations
            guard let decoder = try? pipeline.handler(type: ByteToMessageHandler<HTTPResponseDecoder>.self) else {
                return
            }
            try pipeline.addHandler(ResponseHeadGuard(), position: .after(decoder))
        }
    }
}
