import SMSAPI
import Testing

/// Python `quote(s, safe='~')` / `unquote` behaviour.
@Suite struct SDKPercentEncodingTests {
    @Test(arguments: [
        ("abc-_.~XYZ019", "abc-_.~XYZ019"), ("a b+c", "a%20b%2Bc"), ("a/b", "a%2Fb"), ("数", "%E6%95%B0"),
        ("%", "%25"), ("=&?", "%3D%26%3F"),
    ])
    func encodes(_ input: String, _ expected: String) {
        #expect(SDKPercentEncoding.encode(input) == expected)
    }

    @Test(arguments: [
        ("a%20b", "a b"), ("%E6%95%B0", "数"), ("100%", "100%"), ("%zz", "%zz"), ("a+b", "a+b"), ("%ff", "\u{FFFD}"),
    ])
    func decodes(_ input: String, _ expected: String) {
        #expect(SDKPercentEncoding.decode(input) == expected)
    }

    @Test func canonicalURIKeepsSlashesAndAddsTrailingOne() {
        #expect(SDKSigner.canonicalURI("/v3/tasks/a%20b/consistency-result") == "/v3/tasks/a%20b/consistency-result/")
        #expect(SDKSigner.canonicalURI("/v3/tasks/") == "/v3/tasks/")
    }
}
