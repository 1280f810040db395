import ReportModel
import SMSAPI

extension TaskError {
    /// The report's view of an API failure; keeps the raw body only for unrecognized responses.
    init(_ error: SMSAPIError) {
        // A malformed answer is reported as a transport failure too: the wire, not the API, failed.
        let noAnswer =
            error.isTransport || error.isMalformedResponse || error.isDeadlineReached || error.isEndpointDown
            || error.isUnknownHost
        let kind: Kind = error.isUnrecognizedResponse ? .unrecognizedResponse : (noAnswer ? .transport : .http)
        self.init(
            kind: kind, code: error.errorCode, message: error.errorMessage, httpStatus: error.httpStatus,
            requestID: error.requestID, rawBody: error.isUnrecognizedResponse ? error.rawBody : nil)
        if error.isUnrecognizedResponse {
            rawBodyBytes = error.rawBodyByteCount
            rawBodySHA256 = error.rawBodySHA256
        }
    }
}
