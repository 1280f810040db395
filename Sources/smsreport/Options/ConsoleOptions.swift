import ArgumentParser
import Logging

/// How much the command says and in what form: log level, log format and the final summary line.
struct ConsoleOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log only warnings and errors; no progress.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log details, including every request retry.")
    var verbose = false

    @Option(name: .customLong("log-format"), help: "Log line format on stderr: text or json.")
    var logFormat: LogFormat = .text

    @Flag(help: "Print the final summary on stdout as one JSON object.")
    var json = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    var logLevel: Logger.Level { quiet ? .warning : (verbose ? .debug : .info) }

    /// A logger writing to stderr in the chosen format and level.
    func makeLogger() -> Logger {
        let format = logFormat
        let level = logLevel
        return Logger(label: "smsreport") { label in StderrLogHandler(label: label, format: format, level: level) }
    }
}

/// The format of log lines on stderr.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
