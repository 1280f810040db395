import AsyncHTTPClient
import NIOHTTP1
import NIOSSL

/// Plain words for the connection failures an operations engineer can fix: an untrusted certificate (a network
/// that inspects TLS), a certificate for another host, a proxy that wants credentials.
extension SMSClient {
    /// What to tell the user about `error`, or nil when it is not one of these.
    static func connectionDiagnosis(_ error: any Error) -> String? {
        if let error = error as? HTTPClientError {
            switch error {
            case .proxyAuthenticationRequired:
                return "the proxy refused the request (HTTP 407 proxy authentication required): give its user and "
                    + "password in --proxy http://user:password@host:port or in HTTPS_PROXY"
            case .invalidProxyResponse:
                // AsyncHTTPClient reports a 407 to CONNECT this way too, so the likely cause is named.
                return "the proxy refused to open a tunnel (CONNECT), as it does for a wrong or missing proxy "
                    + "password; check --proxy http://user:password@host:port, HTTPS_PROXY and NO_PROXY"
            default: break
            }
        }
        let text = String(describing: error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
            return "the server's TLS certificate is not trusted (\(text)); if this network inspects TLS, add its "
                + "root CA with --ca-file PEM (or SSL_CERT_FILE); --insecure turns verification off"
        }
        if let ssl = error as? NIOSSLExtraError, ssl == .failedToValidateHostname {
            return "the server's TLS certificate is not valid for this host name (\(text))"
        }
        return nil
    }

    /// Whether `error` says that an answer came but was not readable HTTP: a status line below 100, a flood of
    /// headers, a broken chunk, conflicting lengths. Such a request got an answer (SPEC 8.2 "Endpoint down").
    static func isMalformedAnswer(_ error: any Error) -> Bool {
        error is HTTPParserError || error is ResponseHeadGuard.InvalidStatus
    }

    /// Whether `error` is the proxy's 407 to `CONNECT`.
    static func isProxyAuthenticationFailure(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        return error == .proxyAuthenticationRequired
    }
}
