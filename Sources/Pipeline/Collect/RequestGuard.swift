import SMSAPI

/// Watches every answer of a run and decides when the run must stop early (SPEC 2 step 4):
/// a 401 on any request; a 403 on each of the first five answered requests; a request that got no answer at
/// all, retries included, before any other request was answered; the client's circuit breaker opening; a host
/// name that does not resolve; a proxy that answers 407.
actor RequestGuard {
    /// How many first answers must all be 403 to stop.
    static let forbiddenWindow = 5
    /// How many transport failures, with nothing answered yet, mean the endpoint is unreachable. One is enough:
    /// each failure already had its retries (about a minute of them with the defaults).
    static let unreachableAfter = 1

    private let plannedRequests: Int
    private var answered = 0
    private var forbidden = 0
    private var transportFailures = 0

    /// `plannedRequests` lowers the thresholds for runs smaller than the windows.
    init(plannedRequests: Int) {
        self.plannedRequests = max(1, plannedRequests)
    }

    /// Records a successful answer.
    func recordSuccess() {
        answered += 1
    }

    /// Records a failed request; throws ``PipelineError`` when the run must stop.
    func record(_ error: SMSAPIError) throws {
        if error.isEndpointDown || error.isUnknownHost { throw PipelineError.endpointUnreachable(error.description) }
        if error.isProxyAuthenticationRequired { throw PipelineError.proxyAuthenticationRequired(error.description) }
        // Not an answer and not the endpoint's fault: the run's own deadline passed.
        if error.isDeadlineReached { return }
        if error.isTransport {
            guard answered == 0 else { return }
            transportFailures += 1
            if transportFailures >= min(Self.unreachableAfter, plannedRequests) {
                throw PipelineError.endpointUnreachable(error.description)
            }
            return
        }
        answered += 1
        if error.isAuthenticationRejected {
            throw PipelineError.authenticationRejected(error.description)
        }
        let window = min(Self.forbiddenWindow, plannedRequests)
        if error.isPermissionDenied && answered <= window {
            forbidden += 1
            if forbidden == window { throw PipelineError.permissionDenied(window, error.description) }
        }
    }
}
