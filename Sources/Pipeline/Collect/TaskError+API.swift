import ReportModel
import SMSAPI

extension TaskError {
    /// The report's view of an API failure; keeps the raw body only for unrecognized responses.
    init(_ error: SMSAPIError) {
        let kind: Kind = error.isUnrecognizedResponse ? .unrecognizedResponse : (error.isTransport ? .transport : .http)
        self.init(
            kind: kind, code: error.errorCode, message: error.errorMessage, httpStatus: error.httpStatus,
            requestID: error.requestID, rawBody: error.isUnrecognizedResponse ? error.rawBody : nil)
    }
}
