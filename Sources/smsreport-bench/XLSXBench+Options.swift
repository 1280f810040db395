import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension XLSXBench {
    /// `--name value` pairs of a benchmark command line, and the process's peak memory.
    struct Options {
        private var values: [String: String] = [:]

        /// A usage problem; the message says what was wrong.
        struct Failure: Error, CustomStringConvertible {
            let description: String
            init(_ description: String) { self.description = description }
        }

        /// Reads `--name value` pairs; anything else is a usage error.
        init(_ arguments: [String]) throws {
            var iterator = arguments.makeIterator()
            while let name = iterator.next() {
                guard name.hasPrefix("--"), let value = iterator.next() else {
                    throw Failure("expected --option value, got \(name)")
                }
                values[name] = value
            }
        }

        /// The value of `name`, if given.
        func value(_ name: String) -> String? { values[name] }

        /// The integer value of `name`, or `fallback` when absent or not a number.
        func int(_ name: String, default fallback: Int) -> Int { values[name].flatMap(Int.init) ?? fallback }

        /// User plus system CPU seconds of the process so far, all threads.
        static func cpuSeconds() -> Double {
            var usage = rusage()
            #if canImport(Glibc)
                getrusage(RUSAGE_SELF.rawValue, &usage)
            #else
                getrusage(RUSAGE_SELF, &usage)
            #endif
            func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
            return seconds(usage.ru_utime) + seconds(usage.ru_stime)
        }

        /// The peak resident set size (`VmHWM` of /proc/self/status) in KiB; 0 where unavailable.
        static func peakRSSKiB() -> Int {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
            for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
                return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
            }
            return 0
        }
    }
}
