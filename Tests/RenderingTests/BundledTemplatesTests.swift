import Foundation
import Rendering
import ReportModel
import ReportTemplates
import Testing

/// The templates compiled into the binary are exactly the files of `templates/html` and `templates/i18n`.
@Suite struct BundledTemplatesTests {
    /// The repository's `templates/` folder, found from this file's place in the source tree.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")

    static func filesOnDisk() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for sub in ["html", "i18n"] {
            let directory = folder.appendingPathComponent(sub)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !name.hasPrefix(".") {
                files["\(sub)/\(name)"] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
        }
        return files
    }

    @Test func embeddedFilesMatchTheTemplatesFolder() throws {
        let onDisk = try Self.filesOnDisk()
        #expect(onDisk.keys.contains("html/frame.html"))
        #expect(onDisk.keys.contains("i18n/zh-cn.json"))
        #expect(Set(BundledTemplates.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(BundledTemplates.files[path] == data, "\(path) differs from the compiled-in copy")
        }
    }

    @Test func embeddedSamplesMatchTheSamplesFolder() throws {
        let samples = Self.folder.deletingLastPathComponent().appendingPathComponent("samples")
        for name in ["manifest.csv", "smsreport.yaml"] {
            let data = try Data(contentsOf: samples.appendingPathComponent(name))
            #expect(BundledTemplates.samples[name] == data, "samples/\(name) differs from the compiled-in copy")
        }
    }

    @Test func bundledStringTablesLoad() throws {
        let templates = TemplateSet(bundled: BundledTemplates.files)
        #expect(try templates.strings(for: .zhCN).status(.notVerified) == "未校验")
        #expect(try templates.strings(for: .enUS).status(.consistent) == "Consistent")
    }

    @Test func overrideFolderWinsFileByFile() throws {
        let override = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: override.appendingPathComponent("html"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: override) }
        try "body{}".write(to: override.appendingPathComponent("html/style.css"), atomically: true, encoding: .utf8)
        let templates = TemplateSet(override: override, bundled: BundledTemplates.files)
        #expect(try templates.text("html/style.css") == "body{}")
        #expect(templates.place(for: "html/style.css").hasPrefix(override.path))
        #expect(templates.place(for: "html/frame.html") == "bundled templates/html/frame.html")
        #expect(try templates.text("html/frame.html").contains("smsreport:slot"))
        #expect(throws: TemplateError.self) { try templates.text("html/missing.png") }
    }
}
