import Foundation
import SMSAPI
import Testing

/// One spelling of a digest: lower-case, two digits per byte, leading zeros kept.
@Suite struct HexDigestTests {
    @Test func bytesAreTwoLowerCaseDigitsEach() {
        #expect(HexDigest.hex([0x00, 0x01, 0x0F, 0x10, 0xA0, 0xFF]) == "00010f10a0ff")
        #expect(HexDigest.hex([UInt8]()) == "")
    }

    @Test func sha256MatchesTheStandardVectors() {
        // FIPS 180-2 test vectors.
        #expect(HexDigest.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            HexDigest.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
