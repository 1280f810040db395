import Evidence
import Foundation
import Rendering
import ReportModel
import ReportTemplates
import Testing

/// `<name>-evidence.zip`: what it holds, byte-identical twice, README in both languages, the size warning.
@Suite struct EvidenceBundleTests {
    @Test func holdsTheReportFilesSummaryChecksumsAndReadmeInNameOrder() throws {
        let fixture = try BundleFixture()
        let written = try fixture.write(into: "a")
        #expect(written.url.lastPathComponent == "ticket-evidence.zip")
        #expect(!written.isTooLarge && written.warning == nil)
        let entries = try BundleFixture.entries(written.url)
        #expect(
            entries.map(\.path) == [
                "README.txt", "SHA256SUMS", "summary.json", "ticket-directories.csv", "ticket-junit.xml", "ticket.csv",
                "ticket.html",
            ])
        let checksums = String(decoding: try #require(entries.first { $0.path == "SHA256SUMS" }).data, as: UTF8.self)
        #expect(
            checksums.split(separator: "\n").map { $0.split(separator: " ").last! } == [
                "README.txt", "summary.json", "ticket-directories.csv", "ticket-junit.xml", "ticket.csv", "ticket.html",
            ])
        // The bundled summary lists exactly the bundled report files (docs/evidence.md).
        let summary = try #require(entries.first { $0.path == "summary.json" }).data
        let object = try #require(try JSONSerialization.jsonObject(with: summary) as? [String: Any])
        let listed = try #require(object["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(listed == ["ticket-directories.csv", "ticket-junit.xml", "ticket.csv", "ticket.html"])
    }

    @Test func twoBundlesOfTheSameInputsAreByteIdentical() throws {
        let fixture = try BundleFixture()
        let first = try Data(contentsOf: try fixture.write(into: "one").url)
        let second = try Data(contentsOf: try fixture.write(into: "two").url)
        #expect(first == second)
    }

    @Test(.enabled(if: SSHKeygen.enabled)) func signedBundlesAreByteIdenticalToo() throws {
        let fixture = try BundleFixture()
        let key = try OpenSSHPrivateKey(contentsOfFile: try SSHKeygen.makeKey("k", in: fixture.folder).path)
        let first = try Data(contentsOf: try fixture.write(into: "one", signer: key).url)
        let second = try Data(contentsOf: try fixture.write(into: "two", signer: key).url)
        #if os(Linux)
            #expect(first == second)
        #endif
        #expect(
            try BundleFixture.entries(fixture.folder.appendingPathComponent("one/ticket-evidence.zip")).map(\.path)
                .contains("SHA256SUMS.sig"))
    }

    @Test func readmeSpeaksTheReportsLanguage() throws {
        let english = try BundleFixture(language: .enUS)
        let en = try Self.readme(try english.write(into: "en").url)
        #expect(en.contains("How to check these files") && en.contains("sha256sum -c SHA256SUMS"))
        #expect(en.contains("This archive is not signed"))
        #expect(en.contains("ticket.html") && en.contains("One row per verified directory"))

        let chinese = try BundleFixture(name: "handover-zh", language: .zhCN)
        let zh = try Self.readme(try chinese.write(into: "zh").url)
        #expect(zh.contains("如何核对这些文件") && zh.contains("sha256sum -c SHA256SUMS"))
        #expect(zh.contains("每个已校验目录一行") && zh.contains("本压缩包未签名"))
        #expect(!zh.contains("How to check"))
    }

    @Test(.enabled(if: SSHKeygen.enabled)) func aSignedBundlesReadmeGivesTheSSHKeygenLine() throws {
        let fixture = try BundleFixture(language: .zhCN)
        let key = try OpenSSHPrivateKey(contentsOfFile: try SSHKeygen.makeKey("k", in: fixture.folder).path)
        let text = try Self.readme(try fixture.write(into: "s", signer: key).url)
        #expect(
            text.contains(
                "ssh-keygen -Y verify -f allowed_signers -I IDENTITY -n smsreport -s SHA256SUMS.sig < SHA256SUMS"))
        #expect(text.contains("smsreport verify ticket-evidence.zip --allowed-signers allowed_signers"))
    }

    @Test func overTheLimitItIsWrittenWithAWarning() throws {
        let fixture = try BundleFixture()
        let written = try fixture.write(into: "small", maximumMB: 0.001)
        #expect(FileManager.default.fileExists(atPath: written.url.path))
        #expect(written.isTooLarge)
        let warning = try #require(written.warning)
        #expect(warning.code == .bundleTooLarge)
        #expect(warning.message.contains("ticket-evidence.zip") && warning.message.contains("bundle_max_mb 0.001"))
    }

    @Test func unpackedItPassesSha256sum() throws {
        let fixture = try BundleFixture()
        let folder = try BundleFixture.unpack(try fixture.write(into: "c").url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", "--quiet", "-c", "SHA256SUMS"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func reservedOrUnsafeNamesAreRefused() throws {
        let fixture = try BundleFixture()
        for name in ["summary.json", "../x.csv", "/etc/x"] {
            let strings = try TemplateSet(bundled: BundledTemplates.files).strings(for: .enUS)
            let output = try OutputFolder(url: fixture.folder.appendingPathComponent("r"))
            #expect(throws: EvidenceError.self) {
                try EvidenceBundle.write(
                    report: fixture.report, strings: strings, files: [.init(path: name, url: fixture.files[0].url)],
                    summary: fixture.summary, signer: nil, modificationDate: BundleFixture.date, into: output)
            }
        }
    }

    static func readme(_ zip: URL) throws -> String {
        String(
            decoding: try #require(try BundleFixture.entries(zip).first { $0.path == "README.txt" }).data, as: UTF8.self
        )
    }
}
