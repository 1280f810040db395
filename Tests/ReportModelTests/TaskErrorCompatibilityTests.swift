import Foundation
import ReportModel
import Testing

/// `raw_body_bytes` and `raw_body_sha256` are additions: results.json files without them still read.
@Suite struct TaskErrorCompatibilityTests {
    @Test func anOlderErrorWithoutSizeAndDigestStillDecodes() throws {
        let json =
            #"{"kind":"unrecognized_response","message":"unrecognized response: x","http_status":200,"#
            + #""raw_body":"<html>"}"#
        let error = try JSONDecoder().decode(TaskError.self, from: Data(json.utf8))
        #expect(error.rawBody == "<html>")
        #expect(error.rawBodyBytes == nil)
        #expect(error.rawBodySHA256 == nil)
    }

    @Test func sizeAndDigestRoundTrip() throws {
        var error = TaskError(kind: .unrecognizedResponse, message: "m", httpStatus: 200, rawBody: "<html>")
        error.rawBodyBytes = 1_048_576
        error.rawBodySHA256 = String(repeating: "ab", count: 32)
        let data = try JSONEncoder().encode(error)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""raw_body_bytes":1048576"#))
        #expect(try JSONDecoder().decode(TaskError.self, from: data) == error)
    }
}
