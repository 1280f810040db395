import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM stop a run: the work is cancelled (requests in flight with it), the work's own cleanup
/// removes what it staged, and ``Interrupted`` ends the command with 128 + the signal number (130, 143).
public enum Interruption {
    /// How long a cancelled run may take to clean up before the process exits anyway.
    static let gracePeriod: DispatchTimeInterval = .seconds(10)

    /// Runs `body`; a SIGINT or SIGTERM cancels it and, once it has returned or thrown, throws ``Interrupted``.
    /// `cleanUp` runs only when the grace period passes or a second signal comes, just before the forced exit.
    public static func run<T: Sendable>(
        cleanUp: @escaping @Sendable () -> Void, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
        let count = SignalCount()
        let sources = [SIGINT, SIGTERM].map { number in
            // The default action would kill the process before the cleanup; the source sees it instead.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                // A second signal means "now": clean up and go.
                if count.increment() == 1 { continuation.yield(number) } else { forceExit(number, cleanUp) }
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            continuation.finish()
        }
        return try await withThrowingTaskGroup(of: Outcome<T>.self) { group in
            group.addTask { .finished(try await body()) }
            group.addTask {
                var iterator = signals.makeAsyncIterator()
                guard let number = await iterator.next() else { return .cancelled }
                DispatchQueue.global().asyncAfter(deadline: .now() + gracePeriod) { forceExit(number, cleanUp) }
                return .signalled(number)
            }
            var result: T?
            var signalled: Int32?
            var failure: (any Error)?
            while let next = await group.nextResult() {
                switch next {
                case .success(.finished(let value)):
                    result = value
                    group.cancelAll()
                case .success(.signalled(let number)):
                    signalled = number
                    group.cancelAll()
                case .success(.cancelled):
                    break
                case .failure(let error):
                    failure = error
                    group.cancelAll()
                }
            }
            if let signalled { throw Interrupted(signal: signalled, completed: result != nil) }
            if let failure { throw failure }
            return result!
        }
    }

    private enum Outcome<T: Sendable>: Sendable {
        case finished(T)
        case signalled(Int32)
        case cancelled
    }

    /// Signals seen so far, counted from the signal sources' queue.
    private final class SignalCount: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    private static func forceExit(_ number: Int32, _ cleanUp: @Sendable () -> Void) {
        cleanUp()
        // The process ends in a moment: one write(2) is enough, and a closed stderr only loses the line.
        let line = Array("smsreport: \(Interrupted(signal: number, completed: false).description) (forced)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        _exit(128 + number)
    }
}

/// The run was stopped by a signal; ends the command with exit 128 + the signal number.
public struct Interrupted: Error, CustomStringConvertible {
    public let signal: Int32
    /// True when the run had already put its complete set in place when the signal came.
    public let completed: Bool

    public var exitCode: Int32 { 128 + signal }

    public var name: String { signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)" }

    public var description: String {
        completed
            ? "stopped by \(name) after the reports were in place"
            : "stopped by \(name): requests cancelled, temporary files removed, the output folder left as it was"
    }
}
