import Foundation
import TestSupport
import Testing

// A time limit, so that a client that hangs fails the test instead of hanging the suite.
/// The built binary against servers that misbehave on purpose: bounded time, no crash, safe stderr.
@Suite(.timeLimit(.minutes(1))) struct HostileServerEndToEndTests {
    static let token = "e2e-hostile-token-7c1d"
    static let emptyResult =
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
        + "Content-Length: 43\r\n\r\n{\"consistency_result\":[],\"finished_time\":0}"

    /// A scratch folder with a CSV manifest of `count` tasks.
    static func folder(tasks count: Int) throws -> (folder: URL, manifest: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smsreport-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = folder.appendingPathComponent("tasks.csv")
        let rows = (1...count).map { "t-\($0),s-\($0),server \($0)" }.joined(separator: "\n")
        try ("task_id,source_id,source_name\n" + rows + "\n").write(to: manifest, atomically: true, encoding: .utf8)
        return (folder, manifest)
    }

    /// Runs `smsreport run` over `count` tasks against `server` with `extra` flags.
    static func run(_ server: HostileServer, tasks count: Int, _ extra: [String]) async throws -> (
        CommandRunner.Result, URL
    ) {
        let (folder, manifest) = try folder(tasks: count)
        let out = folder.appendingPathComponent("out")
        let result = try await CommandRunner.run(
            ["run", "--manifest", manifest.path, "--endpoint", server.url, "--out", out.path, "--no-export"] + extra,
            environment: ["HUAWEICLOUD_AUTH_TOKEN": token])
        return (result, out)
    }

    @Test func aDrippingBodyFailsAtTheTimeoutAndTheRunEnds() async throws {
        let server = try await HostileServer(
            always: .drip(
                head: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{",
                byte: UInt8(ascii: " "), interval: .milliseconds(300)))
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(
            server, tasks: 2, ["--timeout", "1", "--retries", "1", "--concurrency", "1"])
        // Nothing was ever answered in full: after the first task's two attempts the endpoint counts as unreachable.
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.seconds < 40)
        #expect(server.connections == 2)
        #expect(result.stderr.contains("within") && result.stderr.contains("(--timeout)"))
        try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
    }

    @Test func theRunDeadlineWritesTheReportsAndExits4() async throws {
        // The first task is answered, the rest hang until the deadline.
        let server = try await HostileServer { $0 == 0 ? .raw(Self.emptyResult) : .silent }
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 30, ["--deadline", "2s", "--concurrency", "1"])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.seconds < 40)
        let results = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(results.components(separatedBy: "not fetched: run deadline reached").count - 1 == 29)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("consistency-en-us.html").path))
        #expect(result.stderr.contains("… and 19 more tasks without results"))
    }

    @Test func tenRequestsInARowWithoutAnswerStopTheRunQuickly() async throws {
        // One answer first, so that only the breaker (not the "nothing ever answered" rule) can stop the run.
        let server = try await HostileServer { $0 == 0 ? .raw(Self.emptyResult) : .close }
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 40, ["--concurrency", "1", "--retries", "2"])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stderr.contains("endpoint unreachable"))
        #expect(result.stderr.contains("endpoint down: 10 requests in a row"))
        #expect(server.connections == 11)
        #expect(result.seconds < 45)
    }

    @Test func headerFloodsAreTheirTasksErrorsNotAnEndpointDown() async throws {
        // Eleven tasks in a row answered with 200 KB of headers: before SPEC 8.2 they opened the breaker (exit 1).
        let headers = (0..<4_000).map { "X-Flood-\($0): \(String(repeating: "a", count: 40))\r\n" }.joined()
        let flood = "HTTP/1.1 200 OK\r\n" + headers + "Connection: close\r\nContent-Length: 2\r\n\r\n{}"
        let server = try await HostileServer { (1...11).contains($0) ? .raw(flood) : .raw(Self.emptyResult) }
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 14, ["--retries", "0", "--concurrency", "1"])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(!result.stderr.contains("endpoint down") && !result.stderr.contains("endpoint unreachable"))
        #expect(server.connections == 14)
        let results = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(results.components(separatedBy: "unreadable answer: ").count - 1 == 11)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("consistency-en-us.html").path))
    }

    @Test func aProxyThatWants407StopsTheRunAtOnce() async throws {
        let proxy = try await HostileServer(
            always: .raw(
                "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
                    + "Connection: close\r\nContent-Length: 0\r\n\r\n"))
        defer { Task { await proxy.shutdown() } }
        let port = try #require(URL(string: proxy.url)?.port)
        let (folder, manifest) = try Self.folder(tasks: 5)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandRunner.run(
            [
                // One request at a time: with more, the first requests are all in flight before the 407 comes.
                "run", "--manifest", manifest.path, "--endpoint", "https://127.0.0.1:9", "--no-export",
                "--concurrency", "1", "--proxy", "http://ops:hunter2-proxy@127.0.0.1:\(port)",
                "--out", folder.appendingPathComponent("out").path,
            ],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(proxy.connections == 1)
        #expect(result.stderr.contains("http://ops:***@127.0.0.1:\(port)"))
        #expect(result.stderr.contains("http://user:password@host:port"))
        #expect(!result.stderr.contains("hunter2-proxy"))
        #expect(result.seconds < 20)
    }

    @Test func aStatusBelow100NeitherCrashesNorStopsTheReports() async throws {
        let server = try await HostileServer { number in
            number == 0 ? .raw(Self.emptyResult) : .raw("HTTP/1.1 000 Zero\r\nContent-Length: 2\r\n\r\n{}")
        }
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 3, ["--retries", "0", "--concurrency", "1"])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 4, "\(result.stderr)")
        let results = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
        #expect(results.contains("invalid HTTP status 0"))
    }

    @Test func anUnknownHostFailsAtOnce() async throws {
        let (folder, manifest) = try Self.folder(tasks: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandRunner.run(
            [
                "run", "--manifest", manifest.path, "--endpoint", "https://sms.cn-north-44.invalid",
                "--out", folder.appendingPathComponent("out").path,
            ],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stderr.contains("unknown host sms.cn-north-44.invalid"))
        #expect(result.seconds < 40)
    }

    @Test func anUndocumentedStateIsAUsageErrorBeforeAnyRequest() async throws {
        let server = try await HostileServer(always: .close)
        defer { Task { await server.shutdown() } }
        let result = try await CommandRunner.run(
            ["run", "--discover", "--state", "MIGRATE_SUCESS", "--endpoint", server.url],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("MIGRATE_SUCCESS, MIGRATE_FAIL"))
        #expect(server.connections == 0)
    }

    @Test func aDiscoveryCountBeyondThePagingLimitStopsWithAHint() async throws {
        let body = #"{"count":100000,"tasks":[{"id":"t-1","name":"a","state":"RUNNING"}]}"#
        let server = try await HostileServer(
            always: .raw(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"))
        defer { Task { await server.shutdown() } }
        let folder = try Self.folder(tasks: 1).folder
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandRunner.run(
            ["run", "--discover", "--endpoint", server.url, "--out", folder.appendingPathComponent("out").path],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stderr.contains("100000 tasks"))
        #expect(result.stderr.contains("--state"))
        #expect(server.connections == 1)
    }

    @Test func serverTextCannotForgeLogLinesAndTheFailureListIsCapped() async throws {
        let body =
            #"{"error_code":"SMS.6004\u001b]0;pwned\u0007","#
            + #""error_msg":"gone\n2026-12-01T00:00:00.000Z info reports written\r\u001b[2J\u2028x"}"#
        let server = try await HostileServer(
            always: .raw(
                "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"))
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 25, [])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 4, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("2026-12-01T00:00:00.000Z") })
        #expect(!result.stderr.unicodeScalars.contains { [0x1B, 0x07, 0x0D, 0x2028].contains($0.value) })
        #expect(result.stderr.contains(#"gone\n2026-12-01T00:00:00.000Z info reports written\r\u{1B}[2J\u{2028}x"#))
        #expect(result.stderr.contains("… and 15 more tasks without results"))
    }

    @Test func unreadableBodiesKeepOnly64KiBEachInResultsJSON() async throws {
        let garbage = String(repeating: "<html>not json</html>", count: 50_000)  // about 1 MiB
        let server = try await HostileServer(
            always: .raw(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\n"
                    + "Content-Length: \(garbage.utf8.count)\r\n\r\n\(garbage)"))
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 20, [])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 4, "\(result.stderr)")
        let url = out.appendingPathComponent("results.json")
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? .max
        // 20 bodies of 1 MiB kept whole would be over 20 MB; 64 KiB each (JSON-escaped) stays under 3 MB.
        #expect(size < 3_000_000)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"raw_body_bytes\" : \(garbage.utf8.count)"))
        #expect(text.contains("\"raw_body_sha256\" : \""))
    }

    @Test func serverTextStaysEscapedInJSONLogs() async throws {
        let body = #"{"error_code":"SMS.6004","error_msg":"gone\u009b2J\u001b[31m\u2028\u202e"}"#
        let server = try await HostileServer(
            always: .raw(
                "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"))
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 2, ["--log-format", "json"])
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { [0x1B, 0x9B, 0x2028, 0x202E].contains($0.value) })
        // Still JSON, with the server's text intact once decoded.
        let objects = try result.stderr.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
        let original = "gone\u{9B}2J\u{1B}[31m\u{2028}\u{202E}"
        #expect(objects.contains { ($0["error"] as? String)?.contains(original) == true })
    }

    @Test(arguments: [["--timeout", "0"], ["--timeout", "-3"], ["--deadline", "5x"], ["--deadline", "0s"]])
    func badTimeoutsAndDeadlinesAreUsageErrors(_ flags: [String]) async throws {
        let server = try await HostileServer(always: .close)
        defer { Task { await server.shutdown() } }
        let (result, out) = try await Self.run(server, tasks: 1, flags)
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains(flags[0]))
        #expect(server.connections == 0)
    }

    @Test(arguments: ["90m", "2h", "30s", "1h30m", "45", "0.5h"])
    func deadlinesAreWrittenTheUsualWays(_ value: String) async throws {
        let (folder, manifest) = try Self.folder(tasks: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CommandRunner.run(
            ["run", "--manifest", manifest.path, "--endpoint", "http://127.0.0.1:1", "--dry-run", "--deadline", value],
            environment: ["HUAWEICLOUD_AUTH_TOKEN": Self.token])
        #expect(result.exitCode == 0, "\(result.stderr)")
    }
}
