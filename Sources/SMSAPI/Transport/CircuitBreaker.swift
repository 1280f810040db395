/// Counts requests in a row that got no HTTP answer, across every caller of one client, and opens after
/// `threshold` of them (SPEC 2 step 4): the endpoint is then taken as down and every further call fails at once.
///
/// Any HTTP answer, whatever its status, closes the count again: the server is there.
actor CircuitBreaker {
    let threshold: Int
    private var consecutiveFailures = 0
    /// The failure that opened the breaker; nil while it is closed.
    private(set) var openedBy: String?

    init(threshold: Int) {
        self.threshold = max(1, threshold)
    }

    /// Records an attempt that got an HTTP answer.
    func recordAnswer() {
        if openedBy == nil { consecutiveFailures = 0 }
    }

    /// Records an attempt that got no HTTP answer; returns true when the breaker is open after it.
    func recordNoAnswer(_ failure: String) -> Bool {
        guard openedBy == nil else { return true }
        consecutiveFailures += 1
        if consecutiveFailures >= threshold { openedBy = failure }
        return openedBy != nil
    }
}
