import Foundation
import ReportModel
import Testing

/// Time zones of reports: UTC, Beijing time, and a zone with daylight saving time on both sides of a change.
@Suite struct ReportTimeZoneTests {
    /// 2026-12-01T02:15:00Z.
    let winter = Date(timeIntervalSince1970: 1_796_091_300)
    /// 2026-07-01T02:15:00Z.
    let summer = Date(timeIntervalSince1970: 1_782_872_100)

    @Test func utcIsTheDefaultAndSaysSo() throws {
        let zone = ReportTimeZone.utc
        #expect(ReportTime.iso8601(winter, in: zone) == "2026-12-01T02:15:00Z")
        #expect(ReportTime.display(winter, in: zone, language: .enUS) == "2026-12-01 02:15:00 (UTC)")
        #expect(ReportTime.display(winter, in: zone, language: .zhCN) == "2026-12-01 02:15:00 (UTC)")
        #expect(ReportTimeZone(identifier: "UTC") == .utc)
        #expect(ReportDefinition.default.timeZone == .utc)
    }

    @Test func shanghaiIsBeijingTimeInChinese() throws {
        let zone = try #require(ReportTimeZone(identifier: "Asia/Shanghai"))
        // A 02:15 UTC run is 10:15 the same day in Beijing; a 20:00 UTC run is the next day there.
        #expect(ReportTime.iso8601(winter, in: zone) == "2026-12-01T10:15:00+08:00")
        #expect(ReportTime.display(winter, in: zone, language: .enUS) == "2026-12-01 10:15:00 (UTC+08:00)")
        #expect(ReportTime.display(winter, in: zone, language: .zhCN) == "2026-12-01 10:15:00 (北京时间 UTC+08:00)")
        let evening = Date(timeIntervalSince1970: 1_796_155_200)  // 2026-12-01T20:00:00Z
        #expect(ReportTime.plain(evening, in: zone) == "2026-12-02 04:00:00")
        #expect(zone.name(in: .zhCN) == "北京时间")
        #expect(zone.name(in: .enUS) == "Asia/Shanghai")
    }

    @Test func berlinChangesItsOffsetWithDaylightSavingTime() throws {
        let zone = try #require(ReportTimeZone(identifier: "Europe/Berlin"))
        #expect(ReportTime.iso8601(winter, in: zone) == "2026-12-01T03:15:00+01:00")
        #expect(ReportTime.iso8601(summer, in: zone) == "2026-07-01T04:15:00+02:00")
        #expect(ReportTime.display(summer, in: zone, language: .enUS) == "2026-07-01 04:15:00 (UTC+02:00)")
        // 2026-03-29: 00:59:59Z is 01:59:59 CET, one second later 03:00:00 CEST.
        let before = Date(timeIntervalSince1970: 1_774_745_999)
        #expect(ReportTime.iso8601(before, in: zone) == "2026-03-29T01:59:59+01:00")
        #expect(ReportTime.iso8601(before.addingTimeInterval(1), in: zone) == "2026-03-29T03:00:00+02:00")
        // The spreadsheet value is the local wall time.
        #expect(ReportTime.iso8601(zone.local(summer)) == "2026-07-01T04:15:00Z")
    }

    @Test func westOfUTCHasANegativeOffset() throws {
        let zone = try #require(ReportTimeZone(identifier: "America/New_York"))
        #expect(ReportTime.iso8601(winter, in: zone) == "2026-11-30T21:15:00-05:00")
    }

    @Test func unknownNamesAreRefused() {
        for name in ["Mars/Olympus", "", "CST", "Asia/Shanghai; rm -rf /", "utc+8"] {
            #expect(ReportTimeZone(identifier: name) == nil, "\(name)")
        }
        #expect(ReportTimeZone.problem("Mars/Olympus").contains("'Mars/Olympus'"))
    }

    @Test func aZoneRoundTripsThroughJSON() throws {
        let zone = try #require(ReportTimeZone(identifier: "Europe/Berlin"))
        let data = try JSONEncoder().encode([zone])
        #expect(String(decoding: data, as: UTF8.self) == #"["Europe\/Berlin"]"#)
        #expect(try JSONDecoder().decode([ReportTimeZone].self, from: data) == [zone])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ReportTimeZone].self, from: Data(#"["Nope/Nope"]"#.utf8))
        }
    }
}
