import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Outside tools the deployment tests drive (tinyproxy, openssl): found on PATH, required when `CI=true`.
enum LoopbackTools {
    /// True on CI, where a missing tool fails the test instead of skipping it.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The full path of `name` on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/sbin", "/usr/bin"] {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether a test that needs `name` runs: when the tool is there, and always on CI (where it then fails).
    static func available(_ name: String) -> Bool { isCI || find(name) != nil }

    /// Runs `tool arguments…` to completion in `directory`; throws with its stderr when it fails.
    static func run(_ tool: String, _ arguments: [String], in directory: URL) throws {
        guard let path = find(tool) else { throw ToolFailure("\(tool) is not installed (apt-get install \(tool))") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(
                "\(tool) \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
        }
    }

    /// A port on 127.0.0.1 that refuses connections for as long as the returned socket is open: bound and never
    /// listening, so that no other test's server can take it, as one can a port that was closed again (a test
    /// that expected "unreachable" once met another test's mock answering 404 there). Close `fd` when done.
    static func refusingPort() throws -> (fd: Int32, port: Int) {
        try LoopbackSocket.bind()
    }

    /// A port on 127.0.0.1 that was free a moment ago (for tools that cannot bind port 0 and report it).
    static func freePort() throws -> Int {
        let (fd, port) = try LoopbackSocket.bind()
        close(fd)
        return port
    }

    /// Whether something accepts connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        } == 0
    }
}

/// An outside tool could not be run.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A test CA and a server certificate for 127.0.0.1 signed by it, made with openssl in `folder`.
struct TestCertificates {
    let caFile: URL
    let serverCertificate: URL
    let serverKey: URL

    init(in folder: URL) throws {
        caFile = folder.appendingPathComponent("ca.pem")
        serverCertificate = folder.appendingPathComponent("server.pem")
        serverKey = folder.appendingPathComponent("server.key")
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try LoopbackTools.run(
            "openssl",
            ["req", "-x509"] + curve + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=smsreport test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ], in: folder)
        try LoopbackTools.run(
            "openssl", ["req"] + curve + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"],
            in: folder)
        try """
        subjectAltName=IP:127.0.0.1,DNS:localhost
        basicConstraints=CA:FALSE
        keyUsage=critical,digitalSignature,keyEncipherment
        extendedKeyUsage=serverAuth
        """.write(to: folder.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        try LoopbackTools.run(
            "openssl",
            [
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
            ], in: folder)
    }
}

/// tinyproxy on a free loopback port with a generated config, stopped by `stop()`.
final class Tinyproxy {
    let port: Int
    let logFile: URL
    private let process: Process

    /// Starts tinyproxy, with basic auth when `credentials` are given, and waits until it accepts connections.
    init(in folder: URL, credentials: (user: String, password: String)? = nil) throws {
        guard let path = LoopbackTools.find("tinyproxy") else {
            throw ToolFailure("tinyproxy is not installed (apt-get install tinyproxy); CI=true requires it")
        }
        port = try LoopbackTools.freePort()
        logFile = folder.appendingPathComponent("tinyproxy.log")
        var config = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 20
            LogLevel Connect
            LogFile "\(logFile.path)"
            MaxClients 50
            Allow 127.0.0.1
            DisableViaHeader Yes

            """
        if let credentials { config += "BasicAuth \(credentials.user) \(credentials.password)\n" }
        let configFile = folder.appendingPathComponent("tinyproxy.conf")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-d", "-c", configFile.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where !LoopbackTools.accepts(port: port) {
            guard process.isRunning else { throw ToolFailure("tinyproxy exited: \(log)") }
            usleep(20_000)
        }
        guard LoopbackTools.accepts(port: port) else { throw ToolFailure("tinyproxy did not start: \(log)") }
    }

    /// What tinyproxy logged (one line per connection and request).
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Stops tinyproxy and waits until it is gone.
    func stop() {
        if process.isRunning {
            // tinyproxy in the foreground (-d) finishes its main loop before it honours SIGTERM, which can take
            // its whole timeout; the test is done with it, so SIGKILL.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
