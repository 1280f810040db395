import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny blocking HTTP/1.1 server on 127.0.0.1 that answers every request with what a closure says, for tests
/// that need a server misbehaving in ways the mock does not (echoing secrets back, say).
public final class ScriptedHTTPServer: @unchecked Sendable {
    /// One received request: its request line (`GET /path HTTP/1.1`), its header lines and its body.
    public struct Request: Sendable {
        public var line: String
        public var headers: [String]
        public var body: Data = Data()
    }

    /// What to send back.
    public struct Response: Sendable {
        public var status: Int
        public var body: String
        public var contentType: String

        /// An answer with `status` and `body` of `contentType`.
        public init(status: Int, body: String, contentType: String = "application/json") {
            self.status = status
            self.body = body
            self.contentType = contentType
        }
    }

    /// The port it listens on (ephemeral).
    public let port: UInt16
    private let socket: Int32
    private let respond: @Sendable (Request) -> Response

    /// `http://127.0.0.1:<port>`.
    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts listening; every connection gets one answer and is closed.
    public init(respond: @escaping @Sendable (Request) -> Response) throws {
        self.respond = respond
        let (fd, port) = try LoopbackSocket.bind(listening: 64)
        socket = fd
        self.port = UInt16(port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting; the accept loop ends and closes the socket.
    public func stop() {
        // Only shut down here: closing the descriptor while the loop still waits in accept() would let the
        // process reuse its number for another test's server, whose connections this loop would then take.
        shutdown(socket, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else {
                close(socket)
                return
            }
            let handler = Thread { [self] in serve(client) }
            handler.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        while headerEnd == nil {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { return }
            received += buffer[0..<count]
            headerEnd = Self.find([13, 10, 13, 10], in: received)
        }
        let head = String(decoding: received[0..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let line = lines.removeFirst()
        let contentLength =
            lines.first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        while received.count < headerEnd! + 4 + contentLength {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        let bodyStart = headerEnd! + 4
        let body = Data(received[bodyStart..<min(received.count, bodyStart + contentLength)])
        let response = respond(Request(line: line, headers: lines, body: body))
        let answer = Array(response.body.utf8)
        let text =
            "HTTP/1.1 \(response.status) Status\r\nContent-Type: \(response.contentType)\r\n"
            + "Content-Length: \(answer.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array(text.utf8) + answer
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
