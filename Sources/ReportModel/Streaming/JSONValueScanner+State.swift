extension JSONValueScanner {
    /// Where the scan of one value stands between two chunks: inside a string or an escape, and which brackets
    /// are open, so that a chunk may end anywhere (inside a string, an escape or a number).
    struct ScanState {
        /// The depth of the scanner where the value starts.
        let depth: Int
        /// The value is a bare number or literal, ended by the first delimiter after it.
        let scalar: Bool
        /// The closing bracket of each open container, innermost last.
        private var closers: [UInt8] = []
        private var inString = false
        private var escaped = false
        /// Line feeds seen in the last ``scan(_:from:limits:)``.
        var lines = 0
        /// Why the value is not JSON, set by the scan that found it (the returned end is then the place).
        var failure: String?

        init(depth: Int, scalar: Bool) {
            self.depth = depth
            self.scalar = scalar
        }

        /// Scans `bytes` from `start`: returns the end of what belongs to the value and whether the value is whole.
        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limits: Limits) -> (Int, Bool) {
            var index = start
            if scalar {
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "),
                        UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                        return (index, true)
                    default: index += 1
                    }
                }
                return (index, false)
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if closers.isEmpty { return (index, true) }
                    } else if byte == UInt8(ascii: "\n") {
                        lines += 1
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    closers.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                    if depth + closers.count > limits.maximumDepth {
                        failure = "nesting deeper than \(limits.maximumDepth) levels"
                        return (index - 1, false)
                    }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard closers.last == byte else {
                        failure = "unexpected '\(Character(Unicode.Scalar(byte)))'"
                        return (index - 1, false)
                    }
                    closers.removeLast()
                    if closers.isEmpty { return (index, true) }
                case UInt8(ascii: "\n"):
                    lines += 1
                default:
                    break
                }
            }
            return (index, false)
        }
    }
}
