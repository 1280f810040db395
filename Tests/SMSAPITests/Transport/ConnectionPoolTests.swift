import Testing

@testable import SMSAPI

/// The connection pool follows the run's concurrency.
@Suite struct ConnectionPoolTests {
    @Test func thePoolHoldsOneConnectionPerRequestInFlight() {
        var configuration = SMSClientConfiguration()
        #expect(configuration.httpClientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit == 8)
        for concurrency in [1, 16, 64] {
            configuration.maxConnections = concurrency
            #expect(
                configuration.httpClientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit
                    == concurrency)
        }
        configuration.maxConnections = 0
        #expect(configuration.httpClientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit == 1)
    }

    @Test func theAdaptiveRateIsOnByDefault() {
        #expect(SMSClientConfiguration().adaptiveRate == AdaptiveRatePolicy())
    }
}
