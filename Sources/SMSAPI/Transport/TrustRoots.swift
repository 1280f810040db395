import NIOSSL

/// Extra trusted root certificates (`--ca-file PEM`, `SSL_CERT_FILE`) for networks that inspect TLS.
public enum TrustRoots {
    /// A CA file that cannot be used; names the file and where it was given.
    public struct InvalidFile: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads the PEM file at `path` and returns how many certificates it holds; fails, naming `source` and the
    /// file, when it cannot be read or holds none, so that a typo is a usage error rather than a TLS failure.
    @discardableResult
    public static func check(_ path: String, source: String) throws(InvalidFile) -> Int {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw InvalidFile(description: "\(source) \(path): not a readable PEM file of certificates (\(error))")
        }
        guard !certificates.isEmpty else {
            throw InvalidFile(description: "\(source) \(path): holds no PEM certificate")
        }
        return certificates.count
    }
}
