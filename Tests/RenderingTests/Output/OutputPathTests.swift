import Foundation
import Rendering
import Testing

/// SPEC 8.5: `{date}` and `{time}` in `--out` and `out:`, in local time.
@Suite struct OutputPathTests {
    /// 2026-12-06 18:15:00 UTC: already the 7th in Shanghai, still the 6th in Los Angeles.
    static let instant = Date(timeIntervalSince1970: 1_796_580_900)

    @Test func expandsInTheGivenZoneNotUTC() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        #expect(
            OutputPath.expand("/var/lib/smsreport/reports/{date}", at: Self.instant, timeZone: shanghai)
                == "/var/lib/smsreport/reports/2026-12-07")
        #expect(OutputPath.expand("r/{date}-{time}", at: Self.instant, timeZone: shanghai) == "r/2026-12-07-021500")
        let losAngeles = try #require(TimeZone(identifier: "America/Los_Angeles"))
        #expect(OutputPath.expand("{date}/{time}", at: Self.instant, timeZone: losAngeles) == "2026-12-06/101500")
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(OutputPath.expand("{date}T{time}", at: Self.instant, timeZone: utc) == "2026-12-06T181500")
    }

    @Test func otherTextIsKeptAsWritten() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        #expect(OutputPath.expand("reports/out", at: Self.instant, timeZone: zone) == "reports/out")
        #expect(
            OutputPath.expand("{date}/{Date}/{datetime}/{date}", at: Self.instant, timeZone: zone)
                == "2026-12-07/{Date}/{datetime}/2026-12-07")
    }
}
