import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A real mail path for tests: Debian's msmtp as the sendmail program, delivering over SMTP to Python's aiosmtpd
/// on a loopback port, which writes each message into a maildir; Python's `email` package reads it back.
///
/// Missing tools fail the test when `CI=true` and skip it otherwise.
final class MailSink {
    let folder: URL
    /// The sendmail program to configure: a wrapper that runs msmtp with this sink's config.
    let sendmail: URL
    private let server: Process
    private let port: Int

    /// msmtp, python3 with aiosmtpd: present, or nil (skip) outside CI; a thrown error in CI.
    static func start() async throws -> MailSink? {
        let haveMsmtp = FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp")
        let havePython = (try? await run("/usr/bin/env", ["python3", "-c", "import aiosmtpd"])) == 0
        guard haveMsmtp, havePython else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                throw FixtureError(
                    "msmtp (Debian msmtp) and python3 with aiosmtpd (pip) are needed for the e-mail test")
            }
            return nil
        }
        let sink = try MailSink()
        try await sink.waitForListener()
        return sink
    }

    private init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smsreport-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (fd, port) = try LoopbackSocket.bind()
        close(fd)
        server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = [
            "python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox",
            folder.appendingPathComponent("maildir").path,
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let config = folder.appendingPathComponent("msmtprc")
        try """
        account default
        host 127.0.0.1
        port \(port)
        auth off
        tls off
        from smsreport@example.com
        logfile \(folder.appendingPathComponent("msmtp.log").path)

        """.write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        sendmail = folder.appendingPathComponent("sendmail")
        try "#!/bin/sh\nexec /usr/bin/msmtp -C '\(config.path)' \"$@\"\n".write(
            to: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail.path)
        self.port = port
    }

    deinit {
        // No waiting here: a blocking wait on the test's thread would hold up other tests' tasks.
        if server.isRunning { server.terminate() }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The received messages, read by Python's `email` package: one JSON object each.
    func received() async throws -> [[String: Any]] {
        let new = folder.appendingPathComponent("maildir/new")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        var messages: [[String: Any]] = []
        for name in files.sorted() {
            let output = folder.appendingPathComponent("parsed-\(name).json")
            let arguments = ["python3", "-c", Self.reader, new.appendingPathComponent(name).path, output.path]
            let status = try await Self.run("/usr/bin/env", arguments)
            guard status == 0,
                let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
            else { throw FixtureError("the email package could not read \(name)") }
            messages.append(object)
        }
        return messages
    }

    /// Parses a message with the standard library's policy and prints what the test checks.
    private static let reader = """
        import email, email.policy, json, sys
        with open(sys.argv[1], 'rb') as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        parts = []
        for part in msg.walk():
            entry = {'type': part.get_content_type(), 'filename': part.get_filename()}
            if part.get_content_maintype() == 'text':
                entry['text'] = part.get_content()
            elif not part.is_multipart():
                entry['size'] = len(part.get_payload(decode=True))
            parts.append(entry)
        out = {'subject': str(msg['subject']), 'from': str(msg['from']), 'to': str(msg['to']),
               'date': str(msg['date']), 'message_id': str(msg['message-id']), 'defects': len(msg.defects),
               'raw_subject': msg.get('subject'), 'parts': parts}
        with open(sys.argv[2], 'w') as f:
            json.dump(out, f)
        """

    private func waitForListener() async throws {
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if connected == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError("aiosmtpd did not start listening")
    }

    /// Runs a program to its end without blocking a thread (a blocking wait would hold up other tests' tasks).
    private static func run(_ program: String, _ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
