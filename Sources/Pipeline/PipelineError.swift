/// A reason to stop the whole run early (exit 1); per-task failures are never this, they become error rows.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case authenticationRejected
        case permissionDenied
        case endpointUnreachable
        case listingIncomplete
        case proxyAuthenticationRequired
    }

    private let kind: Kind
    public let description: String

    private init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    /// The API answered 401: the token or AK/SK was rejected.
    static func authenticationRejected(_ detail: String) -> PipelineError {
        PipelineError(
            .authenticationRejected,
            "credentials rejected (HTTP 401): \(detail) — check the token or AK/SK and the endpoint's region")
    }

    /// Every one of the first answered requests was 403: the account lacks the permission.
    static func permissionDenied(_ count: Int, _ detail: String) -> PipelineError {
        PipelineError(
            .permissionDenied,
            "permission denied on the first \(count) requests (HTTP 403): \(detail) — check the IAM policy "
                + "(sms:server:getBatchConsistencyResults, sms:server:getConsistencyResult)")
    }

    /// No request got any HTTP answer.
    static func endpointUnreachable(_ detail: String) -> PipelineError {
        PipelineError(.endpointUnreachable, "endpoint unreachable: \(detail)")
    }

    /// The proxy answered 407; `detail` names it (password hidden) and says what it wants.
    static func proxyAuthenticationRequired(_ detail: String) -> PipelineError {
        PipelineError(.proxyAuthenticationRequired, detail)
    }

    /// `--discover` cannot page the listing to its end; the message says how to narrow it.
    static func listingIncomplete(_ detail: String) -> PipelineError {
        PipelineError(
            .listingIncomplete,
            "discovery stopped: \(detail) — narrow the listing with --state STATE, or give the tasks in a --manifest")
    }

    /// `--coverage`'s listing could not be paged to its end: the manifest cannot be compared with the account.
    static func coverageIncomplete(_ detail: String) -> PipelineError {
        PipelineError(
            .listingIncomplete,
            "coverage check stopped: \(detail) — the manifest cannot be compared with the account's tasks; "
                + "run without --coverage (coverage: true)")
    }

    public var isListingIncomplete: Bool { kind == .listingIncomplete }
    public var isAuthenticationRejected: Bool { kind == .authenticationRejected }
    public var isPermissionDenied: Bool { kind == .permissionDenied }
    public var isEndpointUnreachable: Bool { kind == .endpointUnreachable }
    /// The proxy wants credentials (HTTP 407).
    public var isProxyAuthenticationRequired: Bool { kind == .proxyAuthenticationRequired }
}
