import Foundation
import Logging
import Rendering
import ReportModel

/// `keep: N` (SPEC 8.5): after the run is published, the oldest run folders of the same scope beside it are
/// deleted until N remain, this one included; they are listed in `summary.json`'s `pruned`.
public struct RetentionStep: RunStep {
    public let keep: Int
    public let scope: String

    public init(keep: Int, scope: String) {
        self.keep = keep
        self.scope = scope
    }

    /// Prunes; a folder that cannot be removed stops the pruning with a warning, and what was removed is listed.
    public func run(_ run: PublishedRun, logger: Logger) async -> StepResult {
        var pruned: [URL]
        var warnings: [RunSummary.Warning] = []
        do {
            pruned = try RunFolder.prune(beside: run.folder, scope: scope, keep: keep)
        } catch let error as RetentionError {
            pruned = error.pruned
            warnings.append(.init(.retentionFailed, "\(error)"))
        } catch {
            pruned = []
            warnings.append(.init(.retentionFailed, "\(error)"))
        }
        for folder in pruned {
            logger.info("old run folder removed", metadata: ["folder": "\(folder.path)", "keep": "\(keep)"])
        }
        let paths = pruned.map(\.path)
        guard !paths.isEmpty else { return StepResult(warnings: warnings) }
        return StepResult(warnings: warnings) { summary in summary.pruned = paths }
    }
}
