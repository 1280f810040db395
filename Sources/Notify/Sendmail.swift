import Foundation

/// The Unix mail submission interface that postfix, exim and msmtp-mta provide: `sendmail -t -i` reads the
/// recipients from the message's headers, and a line with a single dot does not end it.
struct Sendmail {
    /// The program, `/usr/sbin/sendmail` by default.
    var path: String
    /// How long the program may take before it is stopped.
    var timeout: Duration
    /// Tries in all; a retry follows a timeout or EX_TEMPFAIL (75), sendmail's "try again later".
    var attempts: Int

    /// Hands `message` over; nil when the program took it (exit 0), else why not.
    func deliver(_ message: Data) async -> String? {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return "sendmail: \(path) is not an executable program"
        }
        // The message goes in through a file, not a pipe: a large message must not block on a full pipe.
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("smsreport-mail-\(UUID().uuidString)")
        do { try message.write(to: input, options: .atomic) } catch {
            return "cannot write the message to a temporary file"
        }
        defer { try? FileManager.default.removeItem(at: input) }
        var failure = "not sent"
        for attempt in 1...max(1, attempts) {
            if attempt > 1 { try? await Task.sleep(for: .seconds(1)) }
            switch await once(input) {
            case .none: return nil
            case .some((let reason, let retry)):
                failure = reason
                if !retry { return reason }
            }
        }
        return failure
    }

    private func once(_ input: URL) async -> (String, Bool)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-i"]
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-mail-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        do {
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardError = try FileHandle(forWritingTo: errorFile)
            process.standardOutput = FileHandle.nullDevice
        } catch {
            return ("sendmail: cannot prepare its input", false)
        }
        let timeout = self.timeout
        // The program and a timer race; the timer stops a program that hangs, then its end is still awaited.
        var timedOut = false
        let status: Int32? = await withTaskGroup(of: Int32??.self) { group in
            group.addTask { .some(await Self.run(process)) }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return .none }
                return .none
            }
            var result: Int32?
            for await value in group {
                if case .some(let status) = value {
                    result = status
                    group.cancelAll()
                    break
                }
                if process.isRunning {
                    timedOut = true
                    process.terminate()
                }
            }
            return result
        }
        if timedOut { return ("sendmail: no answer within \(timeout.components.seconds) s", true) }
        guard let status else { return ("sendmail: \(path) could not be started", false) }
        if status == 0 { return nil }
        let detail =
            (try? String(contentsOf: errorFile, encoding: .utf8)).map {
                String($0.split(separator: "\n").first ?? "").prefix(200)
            } ?? ""
        let reason = "sendmail exited with \(status)" + (detail.isEmpty ? "" : ": \(detail)")
        return (reason, status == 75)
    }

    /// Starts `process` and waits for its end; nil when it could not be started.
    private static func run(_ process: Process) async -> Int32? {
        await withCheckedContinuation { continuation in
            let state = TerminationState(continuation)
            process.terminationHandler = { state.finish($0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                state.finish(nil)
            }
        }
    }
}

/// Resumes a continuation once, whichever of termination or failure to start comes first.
private final class TerminationState: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Int32?, Never>?

    init(_ continuation: CheckedContinuation<Int32?, Never>) { self.continuation = continuation }

    func finish(_ status: Int32?) {
        let pending = lock.withLock { () -> CheckedContinuation<Int32?, Never>? in
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(returning: status)
    }
}
