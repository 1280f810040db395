import Foundation
import SMSAPI
import TestSupport
import Testing

/// The signer against the official Python SDK's vectors (Tests/TestSupport/Fixtures/sdk-hmac-sha256.json).
@Suite struct SDKSignerTests {
    struct VectorFile: Decodable {
        var ak: String
        var sk: String
        var sdkDate: String
        var vectors: [Vector]

        enum CodingKeys: String, CodingKey {
            case ak, sk, vectors
            case sdkDate = "x_sdk_date"
        }
    }

    struct Vector: Decodable, CustomTestStringConvertible {
        var name: String
        var method: String
        var host: String
        var path: String
        var query: [String: String]
        var headers: [String: String]
        var body: String
        var signedHeaders: String
        var authorization: String
        var uri: String
        var testDescription: String { name }

        enum CodingKeys: String, CodingKey {
            case name, method, host, path, query, headers, body, authorization, uri
            case signedHeaders = "signed_headers"
        }
    }

    static let file: VectorFile = {
        try! JSONDecoder().decode(VectorFile.self, from: Fixtures.data("sdk-hmac-sha256.json"))
    }()

    @Test func fixtureHasEveryVector() {
        #expect(Self.file.vectors.count == 7)
    }

    @Test(arguments: file.vectors)
    func reproducesVector(_ vector: Vector) throws {
        var request = SignableRequest(
            method: vector.method, host: vector.host, path: vector.path,
            query: vector.query.map { SignableRequest.Field($0.key, $0.value) },
            headers: vector.headers.map { SignableRequest.Field($0.key, $0.value) }, body: Array(vector.body.utf8))
        let date = try #require(SDKSigner.parse(sdkDate: Self.file.sdkDate))
        SDKSigner(accessKey: Self.file.ak, secretKey: Self.file.sk).sign(&request, date: date)
        #expect(request.header("Authorization") == vector.authorization)
        #expect(request.header("Host") == vector.host)
        let authorization = try #require(request.header("Authorization").flatMap(SDKSigner.Authorization.init(header:)))
        #expect(authorization.signedHeaders.joined(separator: ";") == vector.signedHeaders)
        let query = SDKSigner.canonicalQuery(request.query)
        #expect(vector.path + (query.isEmpty ? "" : "?" + query) == vector.uri)
    }

    @Test func signsWithTheGivenDateWhenNoneIsSet() throws {
        var request = SignableRequest(method: "GET", host: "example.com", path: "/v3/tasks")
        let date = try #require(SDKSigner.parse(sdkDate: "20261123T040506Z"))
        SDKSigner(accessKey: "AK", secretKey: "SK").sign(&request, date: date)
        #expect(request.header("X-Sdk-Date") == "20261123T040506Z")
        #expect(
            request.header("Authorization")?.hasPrefix("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, ")
                == true)
    }

    @Test func changingAnySignedPartChangesTheSignature() throws {
        let signer = SDKSigner(accessKey: "AK", secretKey: "SK")
        let base = SignableRequest(
            method: "POST", host: "h", path: "/v3/tasks/consistency-results/export", query: [.init("a", "1")],
            headers: [.init("Content-Type", "application/json"), .init("X-Sdk-Date", "20261123T040506Z")],
            body: Array("{}".utf8))
        let names = ["content-type", "x-sdk-date"]
        let reference = signer.signature(for: base, signedHeaders: names, sdkDate: "20261123T040506Z")
        var variants: [SignableRequest] = []
        var changed = base
        changed.body = Array("{ }".utf8)
        variants.append(changed)
        changed = base
        changed.path += "x"
        variants.append(changed)
        changed = base
        changed.query = [.init("a", "2")]
        variants.append(changed)
        changed = base
        changed.setHeader("Content-Type", "text/plain")
        variants.append(changed)
        changed = base
        changed.method = "PUT"
        variants.append(changed)
        for variant in variants {
            #expect(signer.signature(for: variant, signedHeaders: names, sdkDate: "20261123T040506Z") != reference)
        }
    }

    @Test func parsesAuthorizationHeader() throws {
        let parsed = try #require(
            SDKSigner.Authorization(header: "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=abc"))
        #expect(parsed.accessKey == "AK1")
        #expect(parsed.signedHeaders == ["host", "x-sdk-date"])
        #expect(parsed.signature == "abc")
        #expect(SDKSigner.Authorization(header: "Bearer x") == nil)
    }

    @Test(arguments: ["20261323T040506Z", "2026-11-23T04:05:06Z", "", "20261123T040506"])
    func rejectsBadDates(_ text: String) {
        #expect(SDKSigner.parse(sdkDate: text) == nil)
    }

    @Test func formatsDates() {
        #expect(SDKSigner.format(date: Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(SDKSigner.parse(sdkDate: "19700101T000001Z") == Date(timeIntervalSince1970: 1))
    }
}
