import Foundation
import Rendering
import ReportTemplates

extension TemplateSet {
    /// The bundled templates, with the folder `override` (a `--templates DIR`) in front when given.
    public static func resolve(override: String?) throws -> TemplateSet {
        let bundled = BundledTemplates.files
        guard let override else { return TemplateSet(bundled: bundled) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: override, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(path: override, reason: "--templates must name a folder")
        }
        return TemplateSet(override: URL(fileURLWithPath: override), bundled: bundled)
    }
}
