import ArgumentParser
import Foundation
import Logging
import SMSAPI
import SMSMock

/// `smsreport mock-server`: the mock SMS API on 127.0.0.1, for trials, demos and the SDK check.
struct MockServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-server",
        abstract: "Run the mock SMS API on 127.0.0.1 until SIGINT or SIGTERM.",
        discussion: """
            Prints "listening on http://127.0.0.1:PORT" on stdout once it accepts requests. Credentials come from \
            the flags or from the environment names the client reads (HUAWEICLOUD_AUTH_TOKEN, \
            HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK or CLOUD_SDK_AK / CLOUD_SDK_SK). GET /_mock/counters \
            answers what the mock has seen, including signature rejections. --metadata also plays an ECS \
            metadata service (the temporary keys it hands out are accepted with their security token), and \
            --project serves IAM's GET /v3/projects.
            """
    )

    @Option(help: "The port to bind; 0 picks a free one.")
    var port: Int = 0

    @Option(help: "The number of synthetic tasks.")
    var tasks: Int = 50

    @Option(help: "The seed of the synthetic world and of injected server errors.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("A JSON file of tasks and results instead of a synthetic world.", valueName: "file"))
    var world: String?

    @Option(
        name: .customLong("world-epoch"),
        help: "Flip a deterministic set of servers of the world (0: as is), so that runs see it change.")
    var worldEpoch = 0

    @Option(help: "The accepted X-Auth-Token.")
    var token: String?

    @Option(name: .customLong("ak"), help: "The accepted access key.")
    var accessKey: String?

    @Option(name: .customLong("sk"), help: "The secret key of --ak.")
    var secretKey: String?

    @Option(
        help: ArgumentHelp(
            "Also play an ECS metadata service: session-token, no-session-token or no-agency (default: its calls "
                + "answer 404).", valueName: "mode"))
    var metadata: String?

    @Option(
        name: .customLong("metadata-key-lifetime"),
        help: "Seconds each temporary key of --metadata lives (default 86400).")
    var metadataKeyLifetime: Double = 86400

    @Option(
        name: .customLong("project"),
        help: ArgumentHelp("An IAM project for GET /v3/projects, REGION=ID (repeatable).", valueName: "region=id"))
    var projects: [String] = []

    @Option(name: .customLong("require-project"), help: "Refuse (401) signed requests whose X-Project-Id is not this.")
    var requireProject: String?

    @Option(help: "Milliseconds added to every answer.")
    var latencyMs: Int = 0

    @Option(help: ArgumentHelp("Answer every Nth request 429 APIG.0308.", valueName: "n"))
    var throttleEvery: Int?

    @Option(help: "The Retry-After of those 429s (seconds or an HTTP date); \"none\" sends none.")
    var retryAfter: String = "1"

    @Option(
        help: ArgumentHelp(
            "A server-side rate limit: a token bucket of R requests per second (one second's worth of burst); "
                + "requests beyond it are answered 429 APIG.0308 with Retry-After.",
            valueName: "R"))
    var rateLimit: Double?

    @Option(help: "The share (0–1) of requests answered 500, 502 or 503.")
    var serverErrorRate: Double = 0

    @Option(name: .customLong("not-found"), help: "A task id answered 404 (repeatable).")
    var notFound: [String] = []

    @Option(help: "A task id answered 200 with a malformed body (repeatable).")
    var malformed: [String] = []

    @Flag(help: "Send finished_time as a numeric string.")
    var finishedTimeAsString = false

    @Flag(help: "Send finished_time in seconds.")
    var finishedTimeInSeconds = false

    @Option(help: "The consistency-result body shape: a, b, c or rotating.")
    var responseShape: String = "a"

    @Option(help: "Comma-separated X-Language values the export accepts.")
    var exportLanguages: String = "en-us,zh-cn"

    @Flag(help: "Answer exports with a bare {} instead of a file.")
    var exportAcknowledgementOnly = false

    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("Serve HTTPS with this PEM certificate (chain).", valueName: "pem"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "pem"))
    var tlsKey: String?

    @Option(
        name: .customLong("write-manifest"),
        help: ArgumentHelp(
            "Write the world's task list as a CSV manifest to this file before serving (for runs larger than the "
                + "list API pages through).", valueName: "file"))
    var writeManifest: String?

    @Option(
        name: .customLong("extra-tasks"),
        help: ArgumentHelp(
            "Leave the world's last N tasks out of --write-manifest's file; the task list still lists them (to try "
                + "run --coverage).", valueName: "n"))
    var extraTasks: Int = 0

    /// Rejects out-of-range flags before the server starts.
    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard tasks >= 0 else { throw ValidationError("--tasks must not be negative") }
        guard (0...1).contains(serverErrorRate) else { throw ValidationError("--server-error-rate must be 0–1") }
        guard MockResponseShape(rawValue: responseShape) != nil else {
            throw ValidationError("--response-shape must be a, b, c or rotating")
        }
        if let throttleEvery, throttleEvery < 1 { throw ValidationError("--throttle-every must be at least 1") }
        if let rateLimit, !(rateLimit > 0) { throw ValidationError("--rate-limit must be a positive number") }
        if let metadata, MockMetadata.Mode(rawValue: metadata) == nil {
            throw ValidationError("--metadata must be session-token, no-session-token or no-agency")
        }
        if !(metadataKeyLifetime > 0) { throw ValidationError("--metadata-key-lifetime must be a positive number") }
        for project in projects where project.split(separator: "=").count != 2 {
            throw ValidationError("--project takes REGION=ID")
        }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        guard extraTasks >= 0 else { throw ValidationError("--extra-tasks must not be negative") }
        if extraTasks > 0 && writeManifest == nil { throw ValidationError("--extra-tasks goes with --write-manifest") }
    }

    /// Builds the world and options, then serves until a signal.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        func firstSet(_ names: [String]) -> String? { names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty } }
        var options = MockOptions(
            token: token ?? firstSet([SMSCredentials.Variable.token]),
            accessKey: accessKey ?? firstSet(SMSCredentials.Variable.accessKey),
            secretKey: secretKey ?? firstSet(SMSCredentials.Variable.secretKey),
            faults: MockFaults(
                latency: .milliseconds(latencyMs), throttleEveryNth: throttleEvery,
                retryAfter: retryAfter == "none" ? nil : retryAfter, rateLimit: rateLimit,
                serverErrorRate: serverErrorRate,
                serverErrorSeed: seed, notFoundTaskIDs: Set(notFound), malformedTaskIDs: Set(malformed),
                finishedTimeAsString: finishedTimeAsString, finishedTimeInSeconds: finishedTimeInSeconds,
                responseShape: MockResponseShape(rawValue: responseShape) ?? .a,
                exportAcceptedLanguages: Set(
                    exportLanguages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }),
                exportAcknowledgementOnly: exportAcknowledgementOnly))
        options.metadata = metadata.flatMap(MockMetadata.Mode.init(rawValue:)).map {
            MockMetadata(mode: $0, keyLifetime: .milliseconds(Int64(metadataKeyLifetime * 1000)))
        }
        for project in projects {
            let parts = project.split(separator: "=").map(String.init)
            options.projects[parts[0]] = parts[1]
        }
        options.requiredProjectID = requireProject
        guard options.token != nil || (options.accessKey != nil && options.secretKey != nil) || options.metadata != nil
        else {
            throw ValidationError(
                "give --token or --ak and --sk (or set HUAWEICLOUD_AUTH_TOKEN or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK)"
            )
        }
        let mockWorld = try MockWorld.forServer(
            file: world, tasks: tasks, seed: seed, epoch: worldEpoch, manifest: writeManifest, leavingOut: extraTasks)
        let logger = Logger(label: "smsreport.mock-server", factory: { StreamLogHandler.standardError(label: $0) })
        let tls = tlsCert.flatMap { cert in tlsKey.map { MockTLS(certificatePath: cert, keyPath: $0) } }
        let scheme = tls == nil ? "http" : "https"
        try await MockServer.run(world: mockWorld, options: options, port: port, tls: tls, logger: logger) { bound in
            FileHandle.standardOutput.write(Data("listening on \(scheme)://127.0.0.1:\(bound)\n".utf8))
        }
    }
}
