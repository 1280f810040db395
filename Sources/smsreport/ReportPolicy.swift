import Foundation
import Pipeline
import ReportModel

/// The accepted differences and the `--fail-on` conditions of a run, flags over the config (SPEC 6).
struct ReportPolicy: Sendable {
    /// Every configured waiver, in force or not; which are in force depends on each report's time zone.
    var waivers: [Waiver] = []
    var failOn: Set<FailCondition> = []

    /// The waivers of `--waivers FILE` (replacing the config's) or of `waivers:`, and the conditions of
    /// `--fail-on` (replacing `fail_on:`), with `--fail-on-inconsistent` as `--fail-on inconsistent`.
    init(options: ReportOptions, configuration: ReportConfiguration) throws {
        if let file = options.waivers {
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
            failOn = options.failOn.isEmpty ? configuration.failOn ?? [] : try FailCondition.parse(options.failOn)
        } catch {
            throw ConfigurationError("--fail-on: \(error)")
        }
        if options.failOnInconsistent { failOn.insert(.inconsistent) }
    }

    /// No waivers and no conditions (the demo).
    init(waivers: [Waiver] = [], failOn: Set<FailCondition> = []) {
        self.waivers = waivers
        self.failOn = failOn
    }

    /// The aggregate a report shows: the waivers in force on today's date in its time zone applied.
    func aggregate(_ tasks: [TaskRecord], for report: ReportDefinition?, at now: Date) -> ConsistencySummary {
        ConsistencySummary(tasks: tasks, waivers: waivers, at: now, in: report?.timeZone ?? .utc)
    }
}
