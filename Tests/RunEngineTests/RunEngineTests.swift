import Crypto
import Foundation
import Logging
import Rendering
import ReportModel
import ReportTemplates
import RunEngine
import Testing

/// The engine end to end on a real folder, with no binary and no network: the set is published whole, side
/// features fail softly (SPEC 8.2) and the steps after publishing amend the written summary.
@Suite struct RunEngineTests {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func engine(
        _ target: URL, formats: [ReportFormat] = [.csv, .junit], browser: String? = nil, history: RunHistory? = nil,
        steps: [any RunStep] = []
    ) throws -> RunEngine {
        let folder = try RunFolder.prepare(target, force: false)
        let writer = ReportWriter(
            output: folder.staging, templates: TemplateSet(bundled: BundledTemplates.files),
            options: RenderOptions(browser: browser), generatedAt: RunVerdictTests.now)
        return RunEngine(
            reports: [ReportDefinition(name: "night", language: .enUS, formats: formats)], folder: folder,
            writer: writer, policy: ReportPolicy(), logger: logger, history: history, steps: steps)
    }

    static func publish(_ engine: RunEngine) async throws -> RunOutcome {
        let snapshot = RunVerdictTests.snapshot([RunVerdictTests.consistent, RunVerdictTests.inconsistent])
        return try await engine.publish(snapshot, startedAt: RunVerdictTests.now, finishedAt: RunVerdictTests.now)
    }

    /// Every line of SHA256SUMS matches its file, and every file but SHA256SUMS is listed.
    static func checksumsHold(_ folder: URL) throws -> Bool {
        let text = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        var listed: Set<String> = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            let path = String(parts[1].dropFirst())
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            let hex = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            guard hex == parts[0] else { return false }
            listed.insert(path)
        }
        let present = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }
        return Set(present) == listed.union(["SHA256SUMS"])
    }

    @Test func publishesTheWholeSetWithChecksums() async throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let outcome = try await Self.publish(try Self.engine(target))
        #expect(outcome.exitCode == 0)
        #expect(
            outcome.summary.files.map(\.path) == [
                "night-directories.csv", "night-junit.xml", "night.csv", "results.json",
            ])
        #expect(try Self.checksumsHold(target))
    }

    @Test func aFailedPDFCostsNothingButItselfAndEndsWith4() async throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let outcome = try await Self.publish(try Self.engine(target, formats: [.csv, .pdf], browser: "/bin/false"))
        #expect(outcome.exitCode == 4)
        #expect(outcome.summary.warnings.map(\.code) == [.pdfFailed])
        #expect(outcome.summary.error?.contains("night.pdf") == true)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("night.csv").path))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("night.pdf").path))
        #expect(try Self.checksumsHold(target))
    }

    @Test func aHistoryOfRandomBytesIsAWarningAndStaysUntouched() async throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("history.sqlite")
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: file)
        let history = RunHistory(file: file, scope: "s", records: true)
        let target = root.appendingPathComponent("out")
        let outcome = try await Self.publish(try Self.engine(target, history: history))
        #expect(outcome.exitCode == 0)
        #expect(outcome.summary.warnings.first?.code == .historyUnavailable)
        #expect(outcome.summary.history.recorded == false)
        #expect(outcome.summary.history.error?.contains(file.path) == true)
        #expect(try Data(contentsOf: file) == garbage)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("night.csv").path))
        let onDisk = try String(contentsOf: target.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(onDisk.contains("history_unavailable"))
    }

    @Test func aRecordedRunSaysSoInItsSummary() async throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let history = RunHistory(file: root.appendingPathComponent("h/history.sqlite"), scope: "s", records: true)
        let outcome = try await Self.publish(try Self.engine(root.appendingPathComponent("out"), history: history))
        #expect(outcome.summary.history == RunSummary.HistoryState(recorded: true))
        #expect(outcome.summary.warnings.isEmpty)
        guard case .available(let previous, _) = history.view(runStartedAt: Date()) else {
            Issue.record("history unreadable")
            return
        }
        #expect(previous?.exitCode == 0)
    }

    /// A step that fails and adds to the summary.
    struct FailingStep: RunStep {
        func run(_ run: PublishedRun, logger: Logger) async -> StepResult {
            StepResult(warnings: [.init(.notifyFailed, "receiver answered 500")]) { $0.pruned = ["/old/run"] }
        }
    }

    @Test func stepsAfterPublishingAmendTheWrittenSummaryAndNeverTheExitCode() async throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("out")
        let outcome = try await Self.publish(try Self.engine(target, steps: [FailingStep()]))
        #expect(outcome.exitCode == 0)
        #expect(outcome.summary.warnings.map(\.code) == [.notifyFailed])
        #expect(outcome.summary.pruned == ["/old/run"])
        let onDisk = try Data(contentsOf: target.appendingPathComponent("summary.json"))
        #expect(onDisk == (try outcome.summary.fileData()))
        #expect(try Self.checksumsHold(target))
    }
}
