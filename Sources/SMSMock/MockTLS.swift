import HummingbirdTLS

/// The certificate and key the mock serves HTTPS with (`mock-server --tls-cert PEM --tls-key PEM`).
public struct MockTLS: Sendable {
    public var certificatePath: String
    public var keyPath: String

    /// The PEM files to read when the server starts.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// The server-side TLS settings; fails with a message naming the file that cannot be used.
    func configuration() throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificatePath) } catch {
            throw MockServerError(message: "--tls-cert \(certificatePath): not a readable PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw MockServerError(message: "--tls-cert \(certificatePath): no certificate") }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(file: keyPath, format: .pem) } catch {
            throw MockServerError(message: "--tls-key \(keyPath): not a readable PEM private key (\(error))")
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
