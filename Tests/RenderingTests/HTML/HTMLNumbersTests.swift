import ReportModel
import Testing

@testable import Rendering

/// Locale-free number texts and the chart's choices.
@Suite struct HTMLNumbersTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-45_000, "-45,000")])
    func groupsDigits(value: Int, text: String) {
        #expect(HTMLNumbers.integer(value) == text)
    }

    @Test func ratioRoundsDownSoThatADifferenceNeverShowsAsComplete() {
        func ratio(total: Int, different: Int = 0, missing: Int = 0) -> String {
            HTMLNumbers.ratio(
                FileCounts(total: total, different: different, missingOnTarget: missing).consistencyBasisPoints)
        }
        #expect(ratio(total: 10) == "100.00%")
        #expect(ratio(total: 24_500_298, different: 156, missing: 14) == "99.99%")
        #expect(ratio(total: 100_000, different: 1) == "99.99%")
        #expect(ratio(total: 2, different: 1) == "50.00%")
        #expect(ratio(total: 10_000, different: 9_877) == "1.23%")
        #expect(ratio(total: 5, missing: 9) == "0.00%")
        #expect(HTMLNumbers.ratio(nil) == "—")
    }

    @Test func sharesAndCoordinates() {
        #expect(HTMLNumbers.share(1, of: 3) == "33.3%")
        #expect(HTMLNumbers.share(2, of: 3) == "66.7%")
        #expect(HTMLNumbers.share(0, of: 0) == "0%")
        #expect(HTMLNumbers.coordinate(12) == "12")
        #expect(HTMLNumbers.coordinate(12.5) == "12.5")
        #expect(HTMLNumbers.coordinate(12.256) == "12.26")
        #expect(HTMLNumbers.coordinate(-7.05) == "-7.05")
    }
}
