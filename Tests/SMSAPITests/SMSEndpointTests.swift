import SMSAPI
import Testing

/// Endpoint URLs and region names.
@Suite struct SMSEndpointTests {
    @Test(arguments: [
        (
            "https://sms.ap-southeast-3.myhuaweicloud.com", "https://sms.ap-southeast-3.myhuaweicloud.com",
            "sms.ap-southeast-3.myhuaweicloud.com"
        ),
        ("https://SMS.example.com/", "https://sms.example.com", "sms.example.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080", "127.0.0.1:8080"),
    ])
    func accepts(_ input: String, _ url: String, _ host: String) throws {
        let endpoint = try SMSEndpoint(url: input)
        #expect(endpoint.url == url)
        #expect(endpoint.host == host)
    }

    @Test(arguments: [
        "ftp://x", "sms.example.com", "https://", "https://u:p@x.com", "https://x.com/v3", "https://x.com?a=1", "",
    ])
    func rejects(_ input: String) {
        #expect(throws: SMSAPIError.self) { try SMSEndpoint(url: input) }
    }

    @Test(arguments: [
        ("cn-north-4", "https://sms.cn-north-4.myhuaweicloud.com"),
        ("ap-southeast-3", "https://sms.ap-southeast-3.myhuaweicloud.com"),
        ("my-kualalumpur-1", "https://sms.my-kualalumpur-1.myhuaweicloud.com"),
        ("ru-moscow-1", "https://sms-api.ru-moscow-1.myhuaweicloud.com"),
        ("eu-west-101", "https://sms.eu-west-101.myhuaweicloud.com"),
    ])
    func regions(_ id: String, _ url: String) {
        #expect(SMSEndpoint.region(id).url == url)
        #expect(SMSEndpoint.isPlausibleRegionID(id))
    }

    @Test func implausibleRegion() {
        #expect(!SMSEndpoint.isPlausibleRegionID("evil.com/x"))
    }
}
