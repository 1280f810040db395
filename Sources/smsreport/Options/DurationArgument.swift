import ArgumentParser
import Pipeline

/// A span of time given on the command line: `90m`, `2h`, `30s`, `1h30m`, `7d`, or plain seconds (`45`).
struct DurationArgument: ExpressibleByArgument, Sendable, Hashable {
    /// The span in seconds, always positive.
    let seconds: Double

    init?(argument: String) {
        guard let seconds = DurationText.seconds(argument), seconds > 0 else { return nil }
        self.seconds = seconds
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
