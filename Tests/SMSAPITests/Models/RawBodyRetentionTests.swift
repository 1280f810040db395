import Crypto
import Foundation
import Testing

@testable import SMSAPI

/// An unreadable body is kept bounded: its first 64 KiB, its size and its SHA-256.
@Suite struct RawBodyRetentionTests {
    @Test func aLargeUnreadableBodyKeepsItsFirst64KiBSizeAndDigest() {
        let body = (0..<(1 << 20)).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        let error = SMSAPIError.unrecognized(reason: "not JSON", status: 200, rawBody: body, requestID: nil)
        #expect(error.rawBody?.utf8.count == SMSAPIError.rawBodyLimit)
        #expect(error.rawBody == String(decoding: body.prefix(65_536), as: UTF8.self))
        #expect(error.rawBodyByteCount == 1 << 20)
        #expect(error.rawBodySHA256 == SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined())
    }

    @Test func aSmallBodyIsKeptWhole() {
        let error = SMSAPIError.unrecognized(reason: "x", status: 200, rawBody: Array("<html>".utf8), requestID: nil)
        #expect(error.rawBody == "<html>")
        #expect(error.rawBodyByteCount == 6)
        #expect(error.rawBodySHA256?.count == 64)
    }
}
