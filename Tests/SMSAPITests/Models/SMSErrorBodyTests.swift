import Testing

@testable import SMSAPI

/// SMS and gateway error bodies, and the errors users read.
@Suite struct SMSErrorBodyTests {
    static let forbidden = """
        {"error_code":"SMS.9004","error_msg":"The current account does not have the permission.",
         "encoded_authorization_message":"XXXX","error_param":["You do not have permission to perform action X."],
         "details":[{"error_code":"SMS.9004","error_msg":"You do not have permission to perform action X."}]}
        """

    @Test(arguments: [
        (#"{"error_code":"SMS.6105","error_msg":"The task does not exist."}"#, "SMS.6105", "The task does not exist."),
        (forbidden, "SMS.9004", "The current account does not have the permission."),
        (
            #"{"error_msg":"The request is throttled.","error_code":"APIG.0308","request_id":"r-1"}"#, "APIG.0308",
            "The request is throttled."
        ),
        (
            #"{"error":{"code":"401","message":"The request you have made requires authentication."}}"#, "401",
            "The request you have made requires authentication."
        ),
        (#"{"details":[{"error_code":"SMS.1","error_msg":"only in details"}]}"#, "SMS.1", "only in details"),
    ])
    func decodes(_ body: String, _ code: String, _ message: String) throws {
        let decoded = try #require(SMSErrorBody(bytes: Array(body.utf8)))
        #expect(decoded.code == code)
        #expect(decoded.message == message)
    }

    @Test(arguments: ["", "<html>bad gateway</html>", "[]", #"{"foo":1}"#])
    func ignoresBodiesWithoutError(_ body: String) {
        #expect(SMSErrorBody(bytes: Array(body.utf8)) == nil)
    }

    @Test func keepsForbiddenExtras() throws {
        let decoded = try #require(SMSErrorBody(bytes: Array(Self.forbidden.utf8)))
        #expect(decoded.details.count == 1)
        #expect(decoded.parameters == ["You do not have permission to perform action X."])
    }

    @Test func describesForbiddenForATask() throws {
        let body = SMSErrorBody(bytes: Array(Self.forbidden.utf8))
        let error = SMSAPIError.http(status: 403, body: body, requestID: "req-7", retryAfter: nil, rawText: nil)
            .about(task: "05a41be9")
        #expect(error.isPermissionDenied)
        #expect(!error.isAuthenticationRejected)
        #expect(error.requestID == "req-7")
        #expect(
            error.description.hasPrefix(
                "SMS.9004 (HTTP 403) for task 05a41be9: The current account does not have the permission. "
                    + "(You do not have permission to perform action X.) — the account lacks this permission"))
        #expect(error.description.hasSuffix("[request req-7]"))
    }

    @Test func requestIDFallsBackToBody() {
        let body = SMSErrorBody(
            bytes: Array(#"{"error_code":"APIG.0308","error_msg":"throttled","request_id":"b-1"}"#.utf8))
        let error = SMSAPIError.http(status: 429, body: body, requestID: nil, retryAfter: "3", rawText: nil)
        #expect(error.requestID == "b-1")
        #expect(error.retryAfter == "3")
        #expect(error.errorCode == "APIG.0308")
    }

    @Test func describesBodilessErrors() {
        let error = SMSAPIError.http(status: 502, body: nil, requestID: nil, retryAfter: nil, rawText: "<html>x</html>")
        #expect(error.description == "HTTP 502: no SMS error body: <html>x</html>")
        #expect(error.errorCode == nil)
    }

    @Test func redactsSecretsEverywhere() {
        let error = SMSAPIError.unrecognized(
            reason: "not JSON", status: 200, rawBody: Array("token=S3CRET".utf8), requestID: nil
        )
        .redacting(["S3CRET"])
        #expect(error.rawBody == "token=***")
        let http = SMSAPIError.http(
            status: 400, body: SMSErrorBody(bytes: Array(#"{"error_code":"X","error_msg":"bad S3CRET"}"#.utf8)),
            requestID: nil, retryAfter: nil, rawText: nil
        ).redacting(["S3CRET"])
        #expect(!http.description.contains("S3CRET"))
    }
}
