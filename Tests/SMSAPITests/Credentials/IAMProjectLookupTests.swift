import SMSAPI
import Testing

/// Which region the project ID is looked up for when only the endpoint is known (SPEC 8.1).
@Suite struct IAMProjectLookupTests {
    @Test func theRegionComesFromAnOfficialSMSHostOnly() {
        #expect(IAMProjectLookup.region(ofHost: "sms.cn-north-4.myhuaweicloud.com") == "cn-north-4")
        #expect(IAMProjectLookup.region(ofHost: "sms-api.ru-moscow-1.myhuaweicloud.com") == "ru-moscow-1")
        #expect(IAMProjectLookup.region(ofHost: SMSEndpoint.region("ap-southeast-3").host) == "ap-southeast-3")
        for host in [
            "127.0.0.1:8443", "sms.example.com", "sms.cn-north-4.myhuaweicloud.com:444", "iam.myhuaweicloud.com",
            "sms.not_a_region.myhuaweicloud.com", "ecs.cn-north-4.myhuaweicloud.com",
        ] {
            #expect(IAMProjectLookup.region(ofHost: host) == nil, "\(host)")
        }
    }
}
