import Foundation
import SMSAPI

/// A clock for client tests: sleeping only records the wait and moves time forward, so retries take no real time.
public final class TestClock: @unchecked Sendable {
    // A lock because the client reads the clock synchronously from many tasks.
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Duration] = []
    private var randoms: [Double]

    /// Starts at `start`; `random` values are handed out in turn (the last one repeats).
    public init(start: Date = Date(), random: [Double] = [0.5]) {
        self.current = start
        self.randoms = random.isEmpty ? [0.5] : random
    }

    /// Every wait the client asked for, in order.
    public var sleeps: [Duration] { lock.withLock { recorded } }

    /// The clock to put into `SMSClientConfiguration.clock`.
    public var clock: SMSClock {
        SMSClock(
            now: { self.lock.withLock { self.current } },
            sleep: { wait in
                try Task.checkCancellation()
                self.lock.withLock {
                    self.recorded.append(wait)
                    let parts = wait.components
                    self.current += Double(parts.seconds) + Double(parts.attoseconds) / 1e18
                }
            },
            random: {
                self.lock.withLock { self.randoms.count > 1 ? self.randoms.removeFirst() : self.randoms[0] }
            })
    }
}
