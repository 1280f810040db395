import Foundation
import Rendering
import Testing

@testable import Evidence

/// `verify` on bundles and unpacked folders: what it catches, and that a good set passes.
@Suite(.enabled(if: SSHKeygen.enabled)) struct EvidenceVerifierTests {
    /// A signed bundle, its key, and an allowed_signers file for that key.
    struct Signed {
        let fixture: BundleFixture
        let zip: URL
        let keyFile: URL
        let allowed: AllowedSigners

        init() throws {
            fixture = try BundleFixture()
            keyFile = try SSHKeygen.makeKey("signer", in: fixture.folder)
            zip = try fixture.write(into: "signed", signer: try OpenSSHPrivateKey(contentsOfFile: keyFile.path)).url
            allowed = try AllowedSigners(
                contentsOfFile: try SSHKeygen.allowedSigners("ops@example.com", key: keyFile, in: fixture.folder).path)
        }
    }

    static func failures(_ report: VerificationReport) -> [String] {
        report.findings.filter { $0.kind == .fails }.map(\.text)
    }

    @Test func aSignedBundleVerifiesAgainstItsSigner() throws {
        let signed = try Signed()
        let report = try EvidenceVerifier(allowedSigners: signed.allowed).verify(signed.zip)
        #expect(report.allHold, "\(report.lines)")
        #expect(
            report.lines.contains {
                $0.hasPrefix("ok: SHA256SUMS.sig is a good signature") && $0.contains("ops@example.com")
            })
        #expect(report.lines.last == "verified: every check holds")
        // Unpacked, the same holds.
        let folder = try BundleFixture.unpack(signed.zip)
        #expect(try EvidenceVerifier(allowedSigners: signed.allowed).verify(folder).allHold)
    }

    @Test func withoutAllowedSignersItSaysTheKeyWasNotChecked() throws {
        let signed = try Signed()
        let report = try EvidenceVerifier().verify(signed.zip)
        #expect(report.allHold)
        #expect(report.lines.contains { $0.hasPrefix("note: the signature was not checked against a key you trust") })
    }

    @Test func aChangedByteInAnyFileIsCaught() throws {
        let signed = try Signed()
        let original = try BundleFixture.unpack(signed.zip)
        let names = try FileManager.default.contentsOfDirectory(atPath: original.path).sorted()
        #expect(names.count == 8)
        for name in names {
            let folder = try BundleFixture.unpack(signed.zip)
            let url = folder.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[bytes.count / 2] ^= 0x01
            try Data(bytes).write(to: url)
            let report = try EvidenceVerifier(allowedSigners: signed.allowed).verify(folder)
            #expect(!report.allHold, "a changed \(name) passed")
            // The same change inside a zip.
            let zip = signed.fixture.folder.appendingPathComponent("changed-\(name).zip")
            try BundleFixture.pack(folder, into: zip)
            #expect(!(try EvidenceVerifier(allowedSigners: signed.allowed).verify(zip).allHold), "\(name) in a zip")
            if name != "SHA256SUMS" && name != "SHA256SUMS.sig" {
                #expect(Self.failures(report) == ["\(name) was changed: its SHA-256 is not the one SHA256SUMS lists"])
            }
        }
    }

    @Test func aFileMissingFromSHA256SUMSOrFromTheSetIsCaught() throws {
        let signed = try Signed()
        let folder = try BundleFixture.unpack(signed.zip)
        try Data("extra".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let extra = try EvidenceVerifier(allowedSigners: signed.allowed).verify(folder)
        #expect(Self.failures(extra) == ["notes.txt is present but not listed in SHA256SUMS"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("notes.txt"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("ticket.csv"))
        let missing = try EvidenceVerifier(allowedSigners: signed.allowed).verify(folder)
        #expect(Self.failures(missing) == ["ticket.csv is listed in SHA256SUMS but missing"])
    }

    @Test func aSignatureByAnotherKeyIsCaught() throws {
        let signed = try Signed()
        let folder = try BundleFixture.unpack(signed.zip)
        let other = try SSHKeygen.makeKey("intruder", in: signed.fixture.folder)
        let sums = try Data(contentsOf: folder.appendingPathComponent("SHA256SUMS"))
        let signature = try SSHSignature(signing: sums, with: try OpenSSHPrivateKey(contentsOfFile: other.path))
        try signature.armored.write(
            to: folder.appendingPathComponent("SHA256SUMS.sig"), atomically: true, encoding: .utf8)
        let report = try EvidenceVerifier(allowedSigners: signed.allowed).verify(folder)
        #expect(!report.allHold)
        #expect(Self.failures(report).first?.contains("which the allowed signers file does not allow") == true)
        // ssh-keygen agrees.
        let allowedFile = try SSHKeygen.allowedSigners(
            "ops@example.com", key: signed.keyFile, in: signed.fixture.folder)
        let check = try SSHKeygen.run(
            [
                "-Y", "verify", "-f", allowedFile.path, "-I", "ops@example.com", "-n", "smsreport", "-s",
                folder.appendingPathComponent("SHA256SUMS.sig").path,
            ], stdin: sums)
        #expect(check.status != 0)
    }

    @Test func aTamperedSHA256SUMSIsCaughtByTheSignature() throws {
        let signed = try Signed()
        let folder = try BundleFixture.unpack(signed.zip)
        // The forger edits a report and writes its new digest into SHA256SUMS: every digest matches again.
        let csv = folder.appendingPathComponent("ticket.csv")
        try Data("\u{FEFF}Source server name,Status\r\nweb-01,Inconsistent\r\n".utf8).write(to: csv)
        let sumsURL = folder.appendingPathComponent("SHA256SUMS")
        let list = try ChecksumList(text: try String(contentsOf: sumsURL, encoding: .utf8), file: "SHA256SUMS")
        let forged = ChecksumList(
            list.entries.map { entry in
                entry.path == "ticket.csv"
                    ? ChecksumList.Entry(path: entry.path, sha256: ChecksumList.hex(try! Data(contentsOf: csv))) : entry
            })
        try forged.text.write(to: sumsURL, atomically: true, encoding: .utf8)
        let report = try EvidenceVerifier(allowedSigners: signed.allowed).verify(folder)
        #expect(!report.allHold)
        #expect(Self.failures(report).count == 1)
        #expect(Self.failures(report).first?.hasPrefix("the signature in SHA256SUMS.sig does not hold") == true)
    }

    @Test func anUnsignedSetPassesWithANote() throws {
        let fixture = try BundleFixture()
        let report = try EvidenceVerifier().verify(try fixture.write(into: "u").url)
        #expect(report.allHold)
        #expect(report.lines.contains { $0.hasPrefix("note: SHA256SUMS is not signed") })
    }
}

/// The zip reader's bounds: unsafe names are never used, a bomb stops at the limit.
@Suite struct ZipEvidenceSourceTests {
    @Test func unsafeNamesAndRepeatsAreProblemsNotFiles() throws {
        let folder = try temporaryFolder()
        let zip = folder.appendingPathComponent("evil.zip")
        let writer = try ZipFileWriter(url: zip, modificationDate: BundleFixture.date)
        try writer.add("../escape.txt", bytes: Data("x".utf8))
        try writer.add("/abs.txt", bytes: Data("x".utf8))
        try writer.add("ok.txt", bytes: Data("x".utf8))
        try writer.add("ok.txt", bytes: Data("y".utf8))
        try writer.finish()
        let (files, problems) = try ZipEvidenceSource(url: zip).inventory()
        #expect(files == ["ok.txt"])
        #expect(problems.count == 3)
        let report = try EvidenceVerifier().verify(zip)
        #expect(!report.allHold)
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.deletingLastPathComponent().appendingPathComponent("escape.txt").path))
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        let folder = try temporaryFolder()
        let zip = folder.appendingPathComponent("bomb.zip")
        let writer = try ZipFileWriter(url: zip, modificationDate: BundleFixture.date, level: 9)
        try writer.add("SHA256SUMS", bytes: Data(count: 8 << 20))
        try writer.finish()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: zip.path)[.size] as? Int)
        #expect(size < 64 << 10)
        let source = try ZipEvidenceSource(url: zip, entryLimit: 1 << 20)
        let error = #expect(throws: EvidenceError.self) { try source.digest("SHA256SUMS") }
        #expect(error?.description.contains("limit") == true)
        // verify reads SHA256SUMS with its small-file limit (16 MiB) and reports, rather than inflating further.
        let big = folder.appendingPathComponent("big.zip")
        let bigWriter = try ZipFileWriter(url: big, modificationDate: BundleFixture.date, level: 9)
        try bigWriter.add("SHA256SUMS", bytes: Data(count: 20 << 20))
        try bigWriter.finish()
        let report = try EvidenceVerifier().verify(big)
        #expect(!report.allHold)
    }

    @Test func notAZipIsAFailureNotACrash() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("x.zip")
        try Data("not a zip".utf8).write(to: file)
        let report = try EvidenceVerifier().verify(file)
        #expect(!report.allHold)
        #expect(report.lines.first?.contains("not a readable zip archive") == true)
    }
}
