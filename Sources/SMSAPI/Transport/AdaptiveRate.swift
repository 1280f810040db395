import Foundation

/// How the client finds a server's unknown rate limit (SPEC 2 step 4, docs/retries.md): additive increase while
/// answers come, multiplicative decrease on a 429.
public struct AdaptiveRatePolicy: Sendable, Hashable {
    /// A 429 multiplies the allowed rate by this (0 < factor < 1).
    public var decreaseFactor: Double
    /// Requests per second the allowed rate gains per second of answers: each answer adds
    /// `increasePerSecond / rate`, so that a second's worth of answers adds `increasePerSecond`.
    public var increasePerSecond: Double
    /// The allowed rate never falls below this (nor below `--rate`, when that is lower).
    public var minimumRate: Double
    /// Answers in this trailing window are the measured rate a decrease starts from.
    public var measurementWindow: Duration

    public init(
        decreaseFactor: Double = 0.7, increasePerSecond: Double = 5, minimumRate: Double = 1,
        measurementWindow: Duration = .seconds(1)
    ) {
        self.decreaseFactor = min(max(decreaseFactor, 0.01), 0.99)
        self.increasePerSecond = max(increasePerSecond, 0)
        self.minimumRate = max(minimumRate, 0.001)
        self.measurementWindow = measurementWindow > .zero ? measurementWindow : .seconds(1)
    }
}

/// The allowed request rate of one client, as a value: no clock, no sleeping, only the arithmetic of AIMD.
///
/// The rate is unlimited (or `ceiling`) until the first 429. A 429 sets it to `decreaseFactor` × the rate measured
/// over the last `measurementWindow` (answers per second, over the time since the first answer while that is
/// shorter; the allowed rate when that is lower), and opens a new
/// generation: 429s to requests that were let through in an earlier generation were already in flight when the
/// rate came down, and do not lower it again. Each answer other than a 429 raises the rate additively.
struct AIMDRateController: Sendable {
    let policy: AdaptiveRatePolicy
    /// `--rate`: the allowed rate never exceeds it; nil = no ceiling.
    let ceiling: Double?
    /// The allowed rate in requests per second; nil = unlimited.
    private(set) var rate: Double?
    /// Incremented by each decrease; requests carry the generation they were let through in.
    private(set) var generation = 0
    private var answers: SlidingCount

    init(policy: AdaptiveRatePolicy, ceiling: Double?) {
        self.policy = policy
        self.ceiling = ceiling.map { max($0, 0.001) }
        self.rate = self.ceiling
        self.answers = SlidingCount(window: policy.measurementWindow.seconds)
    }

    /// The lowest rate a decrease may reach.
    var floor: Double { min(policy.minimumRate, ceiling ?? .infinity) }

    /// An answer that was not a 429 came at `now`.
    mutating func recordAnswer(at now: Date) {
        answers.add(at: now.timeIntervalSinceReferenceDate)
        guard let current = rate else { return }
        let raised = current + policy.increasePerSecond / current
        rate = min(raised, ceiling ?? .infinity)
    }

    /// A 429 came at `now` for a request let through in `requestGeneration`; returns true when it lowered the rate.
    @discardableResult
    mutating func recordThrottled(requestGeneration: Int, at now: Date) -> Bool {
        guard requestGeneration == generation else { return false }
        let measured = answers.rate(at: now.timeIntervalSinceReferenceDate)
        var base = rate ?? measured
        if measured > 0 { base = min(base, measured) }
        rate = max(floor, base * policy.decreaseFactor)
        generation += 1
        return true
    }
}

/// Events in a trailing window, counted in ten slices of it.
struct SlidingCount: Sendable {
    /// The window in seconds.
    let window: Double
    private var slices = [Int](repeating: 0, count: 10)
    /// The number of the newest slice (time / slice length).
    private var newest: Int64?
    /// When the first event was counted.
    private var first: Double?

    init(window: Double) {
        self.window = window
    }

    /// Counts one event at `time` (seconds on any fixed scale; never earlier than a previous call).
    mutating func add(at time: Double) {
        if first == nil { first = time }
        advance(to: time)
        slices[Self.index(newest!)] += 1
    }

    /// The events of the window ending at `time`.
    mutating func count(at time: Double) -> Double {
        advance(to: time)
        return Double(slices.reduce(0, +))
    }

    /// Events per second in the window ending at `time`; while the first event is less than a window ago, over
    /// the time since it (at least a tenth of the window), so that a young run is not measured as a slow one.
    mutating func rate(at time: Double) -> Double {
        guard let first else { return 0 }
        return count(at: time) / min(window, max(time - first, window / 10))
    }

    private mutating func advance(to time: Double) {
        let slice = Int64((time / (window / 10)).rounded(.down))
        guard let last = newest else {
            newest = slice
            return
        }
        guard slice > last else { return }
        for step in 1...min(slice - last, 10) { slices[Self.index(last + step)] = 0 }
        newest = slice
    }

    private static func index(_ slice: Int64) -> Int { Int(((slice % 10) + 10) % 10) }
}
