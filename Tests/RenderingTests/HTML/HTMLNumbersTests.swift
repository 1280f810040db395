import Testing

@testable import Rendering

/// Locale-free number texts and the chart's choices.
@Suite struct HTMLNumbersTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-45_000, "-45,000")])
    func groupsDigits(value: Int, text: String) {
        #expect(HTMLNumbers.integer(value) == text)
    }

    @Test func ratioRoundsDownSoThatADifferenceNeverShowsAsComplete() {
        #expect(HTMLNumbers.ratio(1) == "100.00%")
        #expect(HTMLNumbers.ratio(0.99999) == "99.99%")
        #expect(HTMLNumbers.ratio(0.5) == "50.00%")
        #expect(HTMLNumbers.ratio(0.0123) == "1.23%")
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
