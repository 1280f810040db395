import NIOCore
import NIOPosix

/// Telling a host name that does not resolve from other connection failures: it is never retried.
extension SMSClient {
    /// A short reason when `error` says the endpoint's host name did not resolve; nil for any other failure.
    static func unresolvedHostDetail(_ error: any Error) -> String? {
        if let error = error as? NIOConnectionError {
            // DNS answered for neither address family and no connection was even tried.
            guard error.connectionErrors.isEmpty, let dns = error.dnsAError ?? error.dnsAAAAError else { return nil }
            return unresolvedHostDetail(dns) ?? "DNS error"
        }
        if let error = error as? SocketAddressError, case .unknown = error {
            return "DNS lookup failed"
        }
        return nil
    }
}
