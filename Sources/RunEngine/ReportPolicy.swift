import Foundation
import Pipeline
import ReportModel

/// The accepted differences and the `--fail-on` conditions of a run, flags over the config (SPEC 6).
public struct ReportPolicy: Sendable {
    /// Every configured waiver, in force or not; which are in force depends on each report's time zone.
    public var waivers: [Waiver] = []
    public var failOn: Set<FailCondition> = []

    /// The waivers of `waiversFile` (`--waivers FILE`, replacing the config's) or of `waivers:`, and the conditions
    /// of `failOn` (`--fail-on`, replacing `fail_on:`), with `failOnInconsistent` as `--fail-on inconsistent`.
    /// An unreadable or invalid waivers file or an unknown condition is a ``ConfigurationError`` (exit 2).
    public init(
        waiversFile: String?, failOn items: [String], failOnInconsistent: Bool, configuration: ReportConfiguration
    ) throws {
        if let file = waiversFile {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ConfigurationError("\(file): cannot read: \(error.localizedDescription)")
            }
            waivers = try WaiverFile.parse(yaml: text, file: file)
        } else {
            waivers = configuration.waivers
        }
        do {
            failOn = items.isEmpty ? configuration.failOn ?? [] : try FailCondition.parse(items)
        } catch {
            throw ConfigurationError("--fail-on: \(error)")
        }
        if failOnInconsistent { failOn.insert(.inconsistent) }
    }

    /// The given waivers and conditions (the demo: none).
    public init(waivers: [Waiver] = [], failOn: Set<FailCondition> = []) {
        self.waivers = waivers
        self.failOn = failOn
    }

    /// The aggregate a report shows: the waivers in force on today's date in its time zone applied.
    public func aggregate(_ tasks: [TaskRecord], in zone: ReportTimeZone, at now: Date) -> ConsistencySummary {
        ConsistencySummary(tasks: tasks, waivers: waivers, at: now, in: zone)
    }
}
