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
    }
}
