import SMSAPI
import Testing

/// The answers-by-status tally behind `smsreport_requests{code}`.
@Suite struct ResponseTallyTests {
    @Test func countsStatusesAndNoAnswer() async {
        let tally = ResponseTally()
        await withTaskGroup(of: Void.self) { group in
            for status in [200, 200, 429, nil, 200] as [Int?] { group.addTask { tally.record(status) } }
        }
        #expect(tally.snapshot == ["200": 3, "429": 1, "none": 1])
    }
}
