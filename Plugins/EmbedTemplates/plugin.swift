import Foundation
import PackagePlugin

/// Compiles the files of `templates/html` and `templates/i18n` into the `ReportTemplates` target at build time,
/// so that `templates/` stays the one source and the binary needs no resource bundle beside it.
@main
struct EmbedTemplates: BuildToolPlugin {
    /// One build command: every template and sample file in, one generated Swift file out.
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = target.directoryURL
        let samplesRoot = context.package.directoryURL.appending(path: "samples")
        // The folders are listed on every build (plugins are evaluated each time), so a new template file is
        // picked up without touching Package.swift.
        let templates = try Self.files(under: root, in: ["html", "i18n"])
        // The demo's manifest and config, so that `smsreport demo` works from an installed binary too.
        let samples = ["manifest.csv", "smsreport.yaml"].map { samplesRoot.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledTemplates+Files.swift")
        let tool = try context.tool(named: "template-embedder")
        return [
            .buildCommand(
                displayName: "Embedding \(templates.count) template files and the demo samples into \(target.name)",
                executable: tool.url,
                arguments: [output.path, "--group", "files", root.path] + templates.map(\.path)
                    + ["--group", "samples", samplesRoot.path] + samples.map(\.path),
                inputFiles: templates + samples,
                outputFiles: [output])
        ]
    }

    /// The regular files below `folders` of `root`, sorted so that the generated file is stable.
    private static func files(under root: URL, in folders: [String]) throws -> [URL] {
        var found: [URL] = []
        for folder in folders {
            let directory = root.appending(path: folder)
            guard
                let walker = FileManager.default.enumerator(
                    at: directory, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                && !url.lastPathComponent.hasPrefix(".")
            {
                found.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}
