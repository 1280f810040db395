import Foundation
import ReportModel
import SMSAPI
import SMSMock
import TestSupport
import Testing

@testable import Pipeline

/// `--coverage`: the manifest compared with the account's task list, both ways (SPEC 9).
@Suite(.timeLimit(.minutes(1))) struct CoverageCheckTests {
    static func entry(_ id: String) -> ManifestEntry {
        ManifestEntry(
            taskID: id, sourceID: "s-\(id)", sourceName: "n-\(id)", location: ManifestLocation(file: "m.csv", line: 2))
    }

    static func task(_ id: String, source: String = "", name: String = "task", state: String = "MIGRATE_SUCCESS")
        -> MigrationTask
    {
        MigrationTask(id: id, name: name, state: state, sourceID: "s-\(id)", sourceName: source, sourceIP: "")
    }

    @Test func findsTheGapsBothWays() {
        let coverage = CoverageCheck.compare(
            manifest: ["a", "b", "gone", "gone2"].map(Self.entry),
            listed: [
                Self.task("a", source: "web"), Self.task("x", source: "db-1", state: "RUNNING"), Self.task("b"),
                Self.task("y", source: "", name: "task-y"),
            ])
        #expect(coverage.listed == 4)
        #expect(
            coverage.notInManifest == [
                .init(taskID: "x", sourceName: "db-1", state: "RUNNING"),
                .init(taskID: "y", sourceName: "task-y", state: "MIGRATE_SUCCESS"),
            ])
        #expect(coverage.notListed == ["gone", "gone2"])
    }

    @Test func aCompleteManifestHasNoGaps() {
        let coverage = CoverageCheck.compare(
            manifest: ["b", "a"].map(Self.entry), listed: [Self.task("a"), Self.task("b")])
        #expect(coverage == RunSummary.Coverage(listed: 2))
    }

    @Test func duplicatesAndEmptyIDsCountOnce() {
        let coverage = CoverageCheck.compare(
            manifest: ["a", "z", "z"].map(Self.entry),
            listed: [Self.task("a"), Self.task("x"), Self.task("x"), Self.task("")])
        #expect(coverage.listed == 2)
        #expect(coverage.notInManifest.map(\.taskID) == ["x"])
        #expect(coverage.notListed == ["z"])
    }

    @Test func anEmptyAccountListsNothing() {
        let coverage = CoverageCheck.compare(manifest: ["a"].map(Self.entry), listed: [])
        #expect(coverage == RunSummary.Coverage(listed: 0, notListed: ["a"]))
    }

    @Test func listsTheAccountThroughTheMockPageByPage() async throws {
        let world = MockWorld.synthetic(taskCount: 20, seed: 5)
        let manifest = Manifest(
            entries: world.tasks.prefix(17).map { Self.entry($0.id) } + [Self.entry("not-there")],
            info: ManifestInfo(name: "m.csv", sha256: "", taskCount: 18))
        try await MockSession.run(world: world, logger: LogCapture().logger()) { client, mock in
            let coverage = try await Discovery(client: client, logger: LogCapture().logger(), pageSize: 6)
                .coverage(of: manifest)
            #expect(coverage.listed == 20)
            #expect(coverage.notInManifest.map(\.taskID) == world.tasks.suffix(3).map(\.id))
            #expect(coverage.notInManifest.map(\.sourceName) == world.tasks.suffix(3).map(\.sourceName))
            #expect(coverage.notListed == ["not-there"])
            #expect(mock.counters.snapshot().requestsPerRoute["list-tasks"] == 4)
        }
    }

    @Test func aListingThatCannotBePagedStopsWithCoverageAdvice() async throws {
        let server = try await HostileServer(always: DiscoveryLimitsTests.page(count: 70_000, ids: 0..<200))
        defer { Task { await server.shutdown() } }
        let manifest = Manifest(entries: [Self.entry("a")], info: ManifestInfo(name: "m.csv", sha256: "", taskCount: 1))
        let error = try await #require(throws: PipelineError.self) {
            try await SMSClient.withClient(
                endpoint: try SMSEndpoint(url: server.url), credentials: .token("tok"),
                configuration: .init(retry: RetryPolicy(maxRetries: 0)), logger: LogCapture().logger()
            ) { client in
                try await Discovery(client: client, logger: LogCapture().logger()).coverage(of: manifest)
            }
        }
        #expect(error.isListingIncomplete)
        #expect(error.description.hasPrefix("coverage check stopped: the listing reports 70000 tasks"))
        #expect(error.description.contains("without --coverage") && !error.description.contains("--state"))
    }
}

/// `coverage: true` in the config (SPEC 9).
@Suite struct CoverageConfigurationTests {
    @Test func readsCoverage() throws {
        #expect(try ReportConfiguration(yaml: "coverage: true", file: "c.yaml").coverage == true)
        #expect(try ReportConfiguration(yaml: "concurrency: 2", file: "c.yaml").coverage == nil)
        let error = #expect(throws: ConfigurationError.self) {
            try ReportConfiguration(yaml: "coverage: sometimes", file: "c.yaml")
        }
        #expect(error?.description.hasPrefix("c.yaml:1: coverage must be true or false") == true)
    }
}
