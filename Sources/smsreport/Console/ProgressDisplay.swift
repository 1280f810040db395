import Foundation
import Logging
import Pipeline

/// Shows pipeline progress: a redrawn bar with counts and ETA on a terminal, a log line every 10% otherwise.
final class ProgressDisplay: @unchecked Sendable {
    // Only called from the pipeline's parent task (one caller at a time); the lock keeps that honest.
    private let lock = NSLock()
    private let logger: Logger
    private let bar: Bool
    private let enabled: Bool
    private var stage: PipelineProgress.Stage?
    private var stageStart = Date()
    private var lastDecile = -1
    private var lastDraw = Date.distantPast

    init(logger: Logger, quiet: Bool) {
        self.logger = logger
        self.enabled = !quiet
        self.bar = Console.stderrIsTerminal
    }

    /// Records progress and shows it if enough changed.
    func update(_ progress: PipelineProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if stage != progress.stage {
            if bar && stage != nil { Console.writeError("\n") }
            stage = progress.stage
            stageStart = Date()
            lastDecile = -1
        }
        if bar {
            drawBar(progress)
        } else {
            let decile = progress.total == 0 ? 10 : progress.completed * 10 / progress.total
            guard decile != lastDecile else { return }
            lastDecile = decile
            logger.info(
                "progress",
                metadata: [
                    "stage": "\(progress.stage)", "done": "\(progress.completed)", "total": "\(progress.total)",
                    "percent": "\(decile * 10)",
                ])
        }
    }

    /// Ends the bar's line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if enabled && bar && stage != nil { Console.writeError("\n") }
        stage = nil
    }

    private func drawBar(_ progress: PipelineProgress) {
        let now = Date()
        guard progress.completed == progress.total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = progress.total == 0 ? 1 : Double(progress.completed) / Double(progress.total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(stageStart)
        var eta = "--:--"
        if progress.completed > 0 && progress.completed < progress.total {
            let remaining = Int(elapsed / Double(progress.completed) * Double(progress.total - progress.completed))
            eta = String(format: "%02d:%02d", remaining / 60, remaining % 60)
        } else if progress.completed == progress.total {
            eta = "done"
        }
        let label = "\(progress.stage)".padding(toLength: 12, withPad: " ", startingAt: 0)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r\(label) [\(bar)] \(progress.completed)/\(progress.total) \(Int(fraction * 100))% ETA \(eta) "
        Console.writeError(line)
    }
}
