import Evidence
import Foundation
import Rendering
import ReportModel
import ReportTemplates
import Testing
import ZIPFoundation

/// A staged report (HTML, two CSVs, JUnit) and the bundle written from it.
struct BundleFixture {
    let folder: URL
    let report: ReportDefinition
    let files: [EvidenceBundle.File]

    static let date = Date(timeIntervalSince1970: 1_790_000_000)

    /// Stages the report `name` in `language` in a new temporary folder.
    init(name: String = "ticket", language: ReportLanguage = .enUS) throws {
        folder = try temporaryFolder()
        report = ReportDefinition(name: name, language: language, formats: [.html, .csv, .junit, .bundle])
        let staging = folder.appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        var files: [EvidenceBundle.File] = []
        let contents = [
            "\(name).html": "<!doctype html><title>report</title>" + String(repeating: "<p>row</p>", count: 5_000),
            "\(name).csv": "\u{FEFF}Source server name,Status\r\nweb-01,Consistent\r\n",
            // About 2 MB: more than one of the zip writer's 1 MiB pieces, so the entry is deflated in several.
            "\(name)-directories.csv": "\u{FEFF}Source server name,Directory\r\n"
                + (0..<100_000).map { "web-\($0 % 977),/data/\($0 * 7_919 % 100_003)\r\n" }.joined(),
            "\(name)-junit.xml": "<?xml version=\"1.0\"?><testsuites/>",
        ]
        for (path, text) in contents.sorted(by: { $0.key < $1.key }) {
            let url = staging.appendingPathComponent(path)
            try Data(text.utf8).write(to: url)
            files.append(EvidenceBundle.File(path: path, url: url))
        }
        self.files = files
    }

    /// The run's summary before the bundle.
    var summary: RunSummary {
        RunSummary(toolVersion: "1.0.0-test", startedAt: Self.date, finishedAt: Self.date, reports: [report])
    }

    /// Writes the bundle into `subfolder` of the fixture's folder.
    func write(into subfolder: String, signer: OpenSSHPrivateKey? = nil, maximumMB: Double = 10) throws
        -> EvidenceBundle.Written
    {
        let strings = try TemplateSet(bundled: BundledTemplates.files).strings(for: report.language)
        let output = try OutputFolder(url: folder.appendingPathComponent(subfolder))
        return try EvidenceBundle.write(
            report: report, strings: strings, files: files, summary: summary, signer: signer,
            modificationDate: Self.date, maximumMB: maximumMB, into: output)
    }

    /// The archive's entries, in archive order, with their bytes.
    static func entries(_ zip: URL) throws -> [(path: String, data: Data)] {
        let archive = try Archive(url: zip, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }

    /// Unpacks `zip` into a new folder beside it.
    static func unpack(_ zip: URL) throws -> URL {
        let target = zip.deletingLastPathComponent().appendingPathComponent("unpacked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for (path, data) in try entries(zip) { try data.write(to: target.appendingPathComponent(path)) }
        return target
    }

    /// Packs every file of `folder` into a zip at `zip`, in name order.
    static func pack(_ folder: URL, into zip: URL) throws {
        let writer = try ZipFileWriter(url: zip, modificationDate: date)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            try writer.add(name, contentsOf: folder.appendingPathComponent(name))
        }
        try writer.finish()
    }
}
