import Foundation
import ReportModel
import Testing

@Suite struct WaiverApplicationTests {
    static func directory(_ path: String, different: Int = 0, missing: Int = 0) -> DirectoryResult {
        DirectoryResult(path: path, counts: FileCounts(total: 10, different: different, missingOnTarget: missing))
    }

    static func waiver(
        _ id: String, _ directory: String, server: String? = nil, expires: String = "2027-03-31"
    ) throws -> Waiver {
        Waiver(
            id: id, directory: try Glob(directory), server: try server.map(Glob.init), reason: "reason of \(id)",
            approvedBy: "Li Wei", expires: CalendarDay(iso: expires)!)
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

    @Test func everyDifferenceCoveredMakesAcceptedAndKeepsCounts() throws {
        let tasks = [
            TaskRecord(
                taskID: "t1", sourceID: "id-a", sourceName: "alpha",
                directories: [Self.directory("/var/log/nginx", different: 3), Self.directory("/etc")]),
            TaskRecord(
                taskID: "t2", sourceID: "id-b", sourceName: "bravo",
                directories: [Self.directory("/var/log", missing: 1), Self.directory("/home", different: 1)]),
            TaskRecord(taskID: "t3", sourceID: "id-c", sourceName: "charlie", directories: [Self.directory("/etc")]),
        ]
        let summary = ConsistencySummary(
            tasks: tasks, waivers: [try Self.waiver("var-log", "/var/log*"), try Self.waiver("spare", "/nothing*")],
            at: Self.now, in: .utc)
        #expect(summary.servers.map(\.sourceName) == ["bravo", "alpha", "charlie"])
        #expect(summary.servers.map(\.status) == [.inconsistent, .accepted, .consistent])
        let alpha = summary.servers[1]
        #expect(alpha.counts.different == 3)
        #expect(alpha.directoryRows.map(\.status) == [.accepted, .consistent])
        #expect(alpha.directoryRows[0].waiver?.id == "var-log")
        // bravo's /var/log is accepted but its /home is not, so it stays inconsistent.
        #expect(summary.servers[0].directoryRows.map(\.status) == [.accepted, .inconsistent])
        #expect(summary.totals.servers(.accepted) == 1)
        #expect(summary.totals.servers(.consistent) == 1)
        #expect(summary.totals.counts.different == 4)
        #expect(summary.waivers.applied == 2)
        #expect(summary.waivers.unused.map(\.id) == ["spare"])
        #expect(summary.waivers.expired.isEmpty)
        let json = RunSummary.Waivers(summary.waivers)
        #expect(json.applied == 2 && json.unused == ["spare"] && json.expired == [])
        #expect(RunSummary.Totals(summary.totals).byStatus["accepted"] == 1)
    }

    @Test func errorAndNotVerifiedOutrankAccepted() throws {
        let tasks = [
            TaskRecord(
                taskID: "t1", sourceID: "a", sourceName: "a", directories: [Self.directory("/var/log", different: 1)]),
            TaskRecord(taskID: "t2", sourceID: "a", sourceName: "a", error: TaskError(kind: .transport, message: "x")),
            TaskRecord(
                taskID: "t3", sourceID: "b", sourceName: "b", directories: [Self.directory("/var/log", different: 1)]),
            TaskRecord(taskID: "t4", sourceID: "b", sourceName: "b"),
        ]
        let summary = ConsistencySummary(
            tasks: tasks, waivers: [try Self.waiver("w", "/var/log*")], at: Self.now, in: .utc)
        #expect(summary.servers.map(\.status) == [.error, .notVerified])
    }

    @Test func rankingIsWorstFirst() {
        #expect(ServerStatus.allCases == [.inconsistent, .error, .notVerified, .accepted, .consistent])
        #expect(ServerStatus.notVerified < .accepted && ServerStatus.accepted < .consistent)
        #expect(RunSummary.Totals.statusKeys == ServerStatus.allCases.map(\.rawValue))
    }

    @Test func serverGlobMatchesNameOrID() throws {
        let tasks = [
            TaskRecord(
                taskID: "t1", sourceID: "id-web-1", sourceName: "web-1",
                directories: [Self.directory("/x", different: 1)]),
            TaskRecord(
                taskID: "t2", sourceID: "db-id", sourceName: "db-1", directories: [Self.directory("/x", different: 1)]),
            TaskRecord(
                taskID: "t3", sourceID: "other", sourceName: "other", directories: [Self.directory("/x", different: 1)]),
        ]
        let waivers = [try Self.waiver("web", "/x", server: "web-*"), try Self.waiver("db", "/x", server: "db-id")]
        let summary = ConsistencySummary(tasks: tasks, waivers: waivers, at: Self.now, in: .utc)
        let byName = Dictionary(uniqueKeysWithValues: summary.servers.map { ($0.sourceName, $0.status) })
        #expect(byName == ["web-1": .accepted, "db-1": .accepted, "other": .inconsistent])
    }

    /// A waiver expiring 2027-03-31 applies through that day in the report's zone and stops after it.
    @Test func expiryIsInclusiveInTheReportsZone() throws {
        let waiver = try Self.waiver("w", "/x", expires: "2027-03-31")
        let shanghai = ReportTimeZone(identifier: "Asia/Shanghai")!
        let newYork = ReportTimeZone(identifier: "America/New_York")!
        // 2027-03-31T15:59:59Z is 23:59:59 on the 31st in Shanghai; a second later it is April there.
        let lastSecond = Date(timeIntervalSince1970: 1_806_508_799)
        #expect(waiver.isInForce(at: lastSecond, in: shanghai))
        #expect(!waiver.isInForce(at: lastSecond.addingTimeInterval(1), in: shanghai))
        #expect(waiver.isInForce(at: lastSecond.addingTimeInterval(1), in: .utc))
        // 2027-04-01T03:59:59Z is still the 31st in New York (UTC-4 in summer time).
        let newYorkLast = Date(timeIntervalSince1970: 1_806_551_999)
        #expect(waiver.isInForce(at: newYorkLast, in: newYork))
        #expect(!waiver.isInForce(at: newYorkLast, in: .utc))
        #expect(!waiver.isInForce(at: newYorkLast.addingTimeInterval(1), in: newYork))

        let tasks = [
            TaskRecord(taskID: "t", sourceID: "a", sourceName: "a", directories: [Self.directory("/x", different: 1)])
        ]
        let after = ConsistencySummary(
            tasks: tasks, waivers: [waiver], at: lastSecond.addingTimeInterval(1), in: shanghai)
        #expect(after.servers[0].status == .inconsistent)
        #expect(after.waivers.expired.map(\.id) == ["w"])
        #expect(after.waivers.inForce.isEmpty && after.waivers.applied == 0)
        let before = ConsistencySummary(tasks: tasks, waivers: [waiver], at: lastSecond, in: shanghai)
        #expect(before.servers[0].status == .accepted)
    }

    @Test func calendarDaysAreStrict() {
        #expect(CalendarDay(iso: "2028-02-29") != nil)
        for bad in ["2027-02-29", "2027-13-01", "2027-3-31", "27-03-31", "2027-03-31T00:00", "tomorrow", "2027-00-10"] {
            #expect(CalendarDay(iso: bad) == nil, "\(bad)")
        }
    }
}
