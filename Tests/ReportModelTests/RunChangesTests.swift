import Foundation
import ReportModel
import Testing

@Suite struct RunChangesTests {
    static let statuses = ["inconsistent", "error", "not_verified", "accepted", "consistent"]

    static func run(_ servers: [(String, String, Int)], at seconds: Double = 0) -> RecordedRun {
        RecordedRun(
            scope: "host m.csv", startedAt: Date(timeIntervalSince1970: seconds),
            finishedAt: Date(timeIntervalSince1970: seconds + 1), toolVersion: "t", manifestSHA256: nil, exitCode: 0,
            totals: RunSummary.Totals(),
            servers: servers.map {
                RecordedRun.Server(key: $0.0, name: "n-\($0.0)", status: $0.1, inconsistentRuns: $0.2)
            })
    }

    /// Every status to every status (25 transitions), each checked against SPEC 6's definitions written out.
    @Test(arguments: statuses) func everyTransition(from before: String) {
        for after in Self.statuses {
            let changes = RunChanges.between(
                previous: Self.run([("s", before, 0)], at: 100), current: Self.run([("s", after, 0)], at: 200))
            let context = Comment(rawValue: "\(before) → \(after)")
            let newlyInconsistent = before != "inconsistent" && after == "inconsistent"
            let resolved = ["inconsistent", "error"].contains(before) && ["consistent", "accepted"].contains(after)
            let verified: Set = ["inconsistent", "consistent", "accepted"]
            let newlyVerified = !verified.contains(before) && verified.contains(after)
            #expect(changes.newlyInconsistent.map(\.key) == (newlyInconsistent ? ["s"] : []), context)
            #expect(changes.resolved.map(\.key) == (resolved ? ["s"] : []), context)
            #expect(changes.newlyVerified.map(\.key) == (newlyVerified ? ["s"] : []), context)
            #expect(changes.newServers.isEmpty && changes.gone.isEmpty, context)
            #expect(changes.previousRun == Date(timeIntervalSince1970: 100), context)
            if let change = changes.changedServers.first {
                #expect(change.before == before && change.after == after, context)
            }
        }
    }

    @Test func sampleTransitionsByName() {
        let previous = Self.run([
            ("a", "consistent", 0), ("b", "inconsistent", 2), ("c", "not_verified", 0), ("d", "error", 0),
        ])
        let current = Self.run([
            ("a", "inconsistent", 1), ("b", "accepted", 0), ("c", "consistent", 0), ("e", "consistent", 0),
        ])
        let changes = RunChanges.between(previous: previous, current: current)
        #expect(changes.newlyInconsistent.map(\.key) == ["a"])
        #expect(changes.resolved.map(\.key) == ["b"])
        #expect(changes.newlyVerified.map(\.key) == ["c"])
        #expect(changes.newServers.map(\.key) == ["e"])
        #expect(changes.gone.map(\.key) == ["d"])
        #expect(changes.gone.first?.after == nil && changes.gone.first?.before == "error")
        #expect(changes.changedServers.map(\.key) == ["a", "b", "c", "e", "d"])
    }

    @Test func firstRunHasNothingToCompareWith() {
        let current = Self.run([("a", "inconsistent", 1), ("b", "consistent", 0)])
        let changes = RunChanges.between(previous: nil, current: current)
        #expect(changes.previousRun == nil && !changes.hasPrevious)
        #expect(changes.changedServers.isEmpty)
        #expect(changes.stillInconsistent == [RunChanges.Streak(key: "a", name: "n-a", runs: 1)])
        let json = String(decoding: try! JSONEncoder().encode(changes.summary), as: UTF8.self)
        #expect(json.contains(#""previous_run":null"#))
    }

    @Test func streaksContinueFromThePreviousRecord() throws {
        var aggregatePrevious: RecordedRun? = nil
        var streaks: [Int] = []
        for status: [ServerStatus] in [[.inconsistent], [.inconsistent], [.consistent], [.inconsistent]] {
            let tasks = status.map { status in
                TaskRecord(
                    taskID: "t", sourceID: "id", sourceName: "alpha",
                    directories: [
                        DirectoryResult(
                            path: "/x",
                            counts: FileCounts(total: 3, different: status == .inconsistent ? 1 : 0))
                    ])
            }
            let record = RecordedRun(
                scope: "s", summary: RunSummary(toolVersion: "t"), aggregate: ConsistencySummary(tasks: tasks),
                previous: aggregatePrevious, now: Date(timeIntervalSince1970: 0))
            streaks.append(record.servers[0].inconsistentRuns)
            aggregatePrevious = record
        }
        #expect(streaks == [1, 2, 0, 1])
    }

    @Test func stillInconsistentIsLongestFirstAndInSummaryJSON() throws {
        let previous = Self.run([("a", "inconsistent", 1), ("b", "inconsistent", 4)])
        let current = Self.run([("a", "inconsistent", 2), ("b", "inconsistent", 5), ("c", "inconsistent", 1)])
        let changes = RunChanges.between(previous: previous, current: current)
        #expect(changes.stillInconsistent.map(\.key) == ["b", "a", "c"])
        #expect(changes.stillInconsistent.map(\.runs) == [5, 2, 1])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(changes.summary), as: UTF8.self)
        #expect(
            json.contains(
                #""still_inconsistent":[{"runs":5,"server":"b"},{"runs":2,"server":"a"},{"runs":1,"server":"c"}]"#))
        #expect(json.contains(#""newly_inconsistent":["c"]"#) == false)  // c is new, listed under new_servers
        #expect(json.contains(#""new_servers":["c"]"#))
    }

    @Test func scopeIsHostAndManifestOrDiscoveryOrOverride() {
        #expect(
            RecordedRun.scope(
                override: nil, endpointHost: "h", manifestName: "m.csv", discoverState: nil, discovered: false)
                == "h m.csv")
        #expect(
            RecordedRun.scope(
                override: nil, endpointHost: "h", manifestName: "discover", discoverState: "MIGRATE_SUCCESS",
                discovered: true) == "h discover:MIGRATE_SUCCESS")
        #expect(
            RecordedRun.scope(
                override: "nightly", endpointHost: "h", manifestName: "m.csv", discoverState: nil, discovered: false)
                == "nightly")
    }
}
