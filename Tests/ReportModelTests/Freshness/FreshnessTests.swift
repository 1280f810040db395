import Foundation
import ReportModel
import TestSupport
import Testing

/// SPEC 9 freshness as a pure function of the summary, `max_age` and the run's start: the boundary, an unknown
/// verification time, servers without data, the count, and the mark's words in both languages.
@Suite struct FreshnessTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: TimeInterval = 86_400

    /// A verified server whose task finished `age` seconds before ``start`` (nil: no finish time known).
    static func verified(_ id: String, age: TimeInterval?, different: Int = 0) -> TaskRecord {
        TaskRecord(
            taskID: "t-\(id)", sourceID: id, sourceName: id,
            finishedTime: age.map { Int64((start.timeIntervalSince1970 - $0) * 1000) },
            directories: [DirectoryResult(path: "/srv", counts: FileCounts(total: 5, different: different))])
    }

    /// The bundled string table of `language`, read from the repository's `templates/i18n`.
    static func strings(_ language: ReportLanguage) throws -> StringTable {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try StringTable(language: language, directory: root.appendingPathComponent("templates/i18n"))
    }

    static func server(_ task: TaskRecord) -> ServerSummary { ServerSummary(key: task.sourceID, tasks: [task]) }

    @Test func exactlyMaxAgeOldIsFreshAndOneSecondMoreIsStale() {
        let maxAge = 36 * 3600.0
        #expect(Self.server(Self.verified("a", age: maxAge)).freshness(maxAge: maxAge, at: Self.start) == .fresh)
        #expect(
            Self.server(Self.verified("a", age: maxAge + 1)).freshness(maxAge: maxAge, at: Self.start)
                == .stale(age: maxAge + 1))
        #expect(Self.server(Self.verified("a", age: 60)).freshness(maxAge: maxAge, at: Self.start) == .fresh)
    }

    @Test func aServerWithDataButNoVerificationTimeIsStale() {
        let server = Self.server(Self.verified("a", age: nil))
        #expect(server.hasData && server.verifiedAt == nil)
        #expect(server.freshness(maxAge: Self.day, at: Self.start) == .stale(age: nil))
    }

    @Test func serversWithoutDataAreNeverStale() {
        let notVerified = Self.server(TaskRecord(taskID: "t-nv", sourceID: "nv", sourceName: "nv"))
        let failed = Self.server(
            TaskRecord(
                taskID: "t-e", sourceID: "e", sourceName: "e",
                error: TaskError(kind: .http, message: "gone", httpStatus: 404)))
        #expect(notVerified.status == .notVerified && failed.status == .error)
        #expect(notVerified.freshness(maxAge: 1, at: Self.start) == .fresh)
        #expect(failed.freshness(maxAge: 1, at: Self.start) == .fresh)
    }

    @Test func theStatusStaysAndTheCountTakesEveryStatusWithData() {
        let summary = ConsistencySummary(tasks: [
            Self.verified("old-bad", age: 12 * Self.day, different: 2), Self.verified("old-ok", age: 3 * Self.day),
            Self.verified("new-ok", age: 3600), Self.verified("unknown", age: nil),
            TaskRecord(taskID: "t-nv", sourceID: "nv", sourceName: "nv"),
        ])
        #expect(summary.servers.first { $0.key == "old-bad" }?.status == .inconsistent)
        #expect(summary.staleCount(maxAge: 2 * Self.day, at: Self.start) == 3)
        #expect(summary.staleCount(maxAge: 30 * Self.day, at: Self.start) == 1)
        // Judged at the given start, not the wall clock: an earlier start makes the same servers fresh.
        #expect(summary.staleCount(maxAge: 2 * Self.day, at: Self.start.addingTimeInterval(-9 * Self.day)) == 2)
    }

    static let marks: [(ReportLanguage, TimeInterval, String)] = [
        (.enUS, 12 * 86_400 + 5, "stale, verified 12 days ago"),
        (.zhCN, 12 * 86_400 + 5, "校验已过期，12 天前校验"),
        (.enUS, 86_400 + 3_599, "stale, verified 1 day ago"),
        (.enUS, 2 * 3_600 + 59, "stale, verified 2 hours ago"),
        (.zhCN, 3_600, "校验已过期，1 小时前校验"),
        (.enUS, 61, "stale, verified 1 minute ago"),
        (.enUS, 5, "stale, verified 1 minute ago"),
        (.zhCN, 45 * 60, "校验已过期，45 分钟前校验"),
        (.enUS, 1_500 * 86_400, "stale, verified 1,500 days ago"),
    ]

    @Test(arguments: marks)
    func theMarkSaysTheAgeInTheLargestWholeUnit(language: ReportLanguage, age: TimeInterval, expected: String) throws {
        let strings = try Self.strings(language)
        #expect(strings.staleMark(.stale(age: age)) == expected)
    }

    @Test func theMarkForAnUnknownTimeAndTheCSVWords() throws {
        let en = try Self.strings(.enUS)
        let zh = try Self.strings(.zhCN)
        #expect(en.staleMark(.stale(age: nil)) == "stale, never verified")
        #expect(zh.staleMark(.stale(age: nil)) == "校验已过期，从未校验")
        #expect(en.staleMark(.fresh) == nil)
        #expect([en.staleWord(.stale(age: 1)), en.staleWord(.fresh)] == ["yes", "no"])
        #expect([zh.staleWord(.stale(age: nil)), zh.staleWord(.fresh)] == ["是", "否"])
    }
}
