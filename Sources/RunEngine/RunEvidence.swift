import Evidence
import Foundation
import Rendering
import ReportModel

/// The evidence a run adds to its set (SPEC 9): each `bundle` report's `<name>-evidence.zip`, and the signature of
/// `SHA256SUMS` when a key is given.
public struct RunEvidence: Sendable {
    /// The key that signs `SHA256SUMS` (and each bundle's); nil: unsigned.
    public var signer: OpenSSHPrivateKey?
    /// `bundle_max_mb`: larger bundles are written with a `bundle_too_large` warning.
    public var bundleMaximumMB: Double

    public init(signer: OpenSSHPrivateKey? = nil, bundleMaximumMB: Double = EvidenceBundle.defaultMaximumMB) {
        self.signer = signer
        self.bundleMaximumMB = bundleMaximumMB
    }

    /// What signs `SHA256SUMS` into `SHA256SUMS.sig`; nil without a key.
    var sign: (@Sendable (Data) throws -> Data)? {
        guard let signer else { return nil }
        return { checksums in Data(try SSHSignature(signing: checksums, with: signer).armored.utf8) }
    }

    /// Writes the bundle of every report that asks for one from its rendered files, into `writer`'s folder;
    /// returns the bundles' paths and adds their warnings (too large, or not written: exit 4) to `summary`.
    func bundles(
        of reports: [ReportDefinition], rendered: RenderedSet, writer: ReportWriter, summary: inout RunSummary
    ) -> [String] {
        var paths: [String] = []
        let before = summary
        for report in reports where report.formats.contains(.bundle) {
            let files = rendered.files.filter { $0.report == report.name }.map {
                EvidenceBundle.File(path: $0.path, url: writer.output.url.appendingPathComponent($0.path))
            }
            do {
                let written = try EvidenceBundle.write(
                    report: report, strings: try writer.templates.strings(for: report.language), files: files,
                    summary: before, signer: signer, modificationDate: writer.generatedAt,
                    maximumMB: bundleMaximumMB, into: writer.output)
                paths.append(writer.output.relativePath(of: written.url))
                if let warning = written.warning { summary.warnings.append(warning) }
            } catch {
                let message = "\(report.name)-evidence.zip not written: \(error)"
                summary.warnings.append(.init(.bundleFailed, message))
                summary.exitCode = 4
                summary.error = [summary.error, message].compactMap { $0 }.joined(separator: "; ")
            }
        }
        return paths
    }
}
