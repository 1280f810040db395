import Glibc

/// Reads and writes on a raw file descriptor, retrying a call that a signal interrupted (EINTR): the one copy of
/// that loop, for the console, the file sink and the manifest reader.
package enum DescriptorIO {
    /// A read or write that failed, with its `errno`.
    package struct Failure: Error, Sendable, Equatable {
        package let code: Int32

        /// The system's words for the failure (`strerror`), e.g. `No space left on device`.
        package var reason: String { String(cString: strerror(code)) }
    }

    /// Writes all of `bytes` to `descriptor`; throws the first failure (a write that writes nothing is EIO,
    /// so that a descriptor that takes nothing never loops forever).
    package static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws(Failure) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw Failure(code: code)
            }
            guard written > 0 else { throw Failure(code: EIO) }
            offset += written
        }
    }

    /// Reads up to `buffer.count` bytes from `descriptor` into `buffer` and says how many: 0 at the end.
    package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code != EINTR { throw Failure(code: code) }
        }
    }
}
