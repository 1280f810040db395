import SMSAPI
import Testing

/// `--region` must be shaped like a region ID: lowercase words and a number joined by `-`.
@Suite struct RegionShapeTests {
    @Test(arguments: ["cn-north-4", "ap-southeast-3", "my-kualalumpur-1", "ru-moscow-1", "la-south-2", "cn-north-44"])
    func regionShaped(_ id: String) {
        #expect(SMSEndpoint.isPlausibleRegionID(id))
    }

    @Test(arguments: [
        "https://sms.cn-north-4.myhuaweicloud.com", "sms.cn-north-4.myhuaweicloud.com", "CN-NORTH-4", "cn-north",
        "cn--4", "-4", "cn-north-4-", "4", "", "cn_north_4", "cn-north-4a", "cn-north-٤", "evil.com/x",
    ])
    func notRegionShaped(_ id: String) {
        #expect(!SMSEndpoint.isPlausibleRegionID(id))
    }

    @Test func knownRegionsAreRegionShaped() {
        #expect(SMSEndpoint.knownRegions.allSatisfy(SMSEndpoint.isPlausibleRegionID))
        #expect(SMSEndpoint.knownRegions.contains("cn-north-4"))
    }
}
