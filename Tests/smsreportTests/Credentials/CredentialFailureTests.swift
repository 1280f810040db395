import Foundation
import SMSAPI
import SMSMock
import TestSupport
import Testing

/// SPEC 8.1's failure modes through the built binary: exit 2 before any request (proved with the mock's counters)
/// for a profile file others can read or one that lacks a key, exit 1 naming the metadata service or IAM for an
/// instance without an agency, an unknown region, and IAM refusing; never a secret in any output.
@Suite struct CredentialFailureTests {
    typealias Fixture = CredentialsFixture

    static func profileRun(_ text: String, mode: Int = 0o600) async throws -> CredentialsFixture.Outcome {
        try await Fixture.run(
            options: Fixture.options(metadata: MockMetadata()), arguments: ["--credentials", "profile"]
        ) {
            let file = $0.appendingPathComponent("hw.ini")
            try Fixture.write(text, to: file, mode: mode)
            return [Fixture.variable: file.path, Fixture.metadataVariable: "{mock}"]
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604])
    func aProfileFileOthersCanReadIsExit2NamingChmod600(_ mode: Int) async throws {
        let outcome = try await Self.profileRun(Fixture.profile(), mode: mode)
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 2, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("hw.ini"), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("chmod 600"), "\(outcome.result.stderr)")
        #expect(outcome.counters.totalRequests == 0)
        #expect(SecretShapes.leaks(in: outcome.result.stderr + outcome.result.stdout, of: [Fixture.secretKey]).isEmpty)
    }

    @Test(arguments: [
        (Fixture.profile(sk: nil), "[basic] has no sk"),
        (Fixture.profile(ak: ""), "[basic] has no ak"),
        ("[default]\nak = A\nsk = \(Fixture.secretKey)\n", "has no [basic] section"),
        (Fixture.profile(extra: "security_token = two words\n"), "security_token in [basic]"),
    ])
    func aProfileFileMissingSomethingIsExit2NamingFileAndWhat(_ text: String, _ message: String) async throws {
        let outcome = try await Self.profileRun(text)
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 2, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("hw.ini"), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains(message), "\(outcome.result.stderr)")
        #expect(outcome.counters.totalRequests == 0)
        #expect(
            SecretShapes.leaks(in: outcome.result.stderr + outcome.result.stdout, of: [Fixture.secretKey, "two words"])
                .isEmpty)
    }

    @Test func aMissingNamedProfileFileIsExit2() async throws {
        let outcome = try await Fixture.run(options: Fixture.options(), arguments: ["--credentials", "profile"]) {
            [Fixture.variable: $0.appendingPathComponent("absent.ini").path]
        }
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 2, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("absent.ini does not exist"), "\(outcome.result.stderr)")
        #expect(outcome.counters.totalRequests == 0)
    }

    @Test func anInstanceWithoutAgencyIsExit1NamingTheMetadataServiceAndTheFix() async throws {
        let outcome = try await Fixture.run(
            options: Fixture.options(metadata: MockMetadata(mode: .noAgency)),
            arguments: ["--credentials", "ecs", "--json"],
            environment: [Fixture.metadataVariable: "{mock}"])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 1, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("ECS metadata service http://127.0.0.1:"), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("bind an agency to this ECS instance"))
        // "Please configure Cloud Service Agency first" is final: no second session token, no second try.
        #expect(outcome.route("metadata-token") == 1 && outcome.route("metadata-securitykey") == 1)
        #expect(outcome.smsRequests == 0 && outcome.route("iam-projects") == 0)
        #expect(outcome.sessionTokens.count == 1)
        #expect(outcome.result.stdout.contains(#""credentials_source":"ecs""#), "\(outcome.result.stdout)")
        for (place, text) in outcome.outputs() {
            #expect(SecretShapes.leaks(in: text, of: outcome.sessionTokens).isEmpty, "\(place)")
        }
    }

    @Test func aFailingMetadataServiceIsExit1() async throws {
        let listener = try ScriptedHTTPServer { _ in .init(status: 500, body: "down") }
        defer { listener.stop() }
        let outcome = try await Fixture.run(
            options: Fixture.options(), arguments: ["--credentials", "ecs"],
            environment: [Fixture.metadataVariable: listener.endpoint])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 1, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("ECS metadata service \(listener.endpoint)"), "\(outcome.result.stderr)")
        #expect(outcome.counters.totalRequests == 0)
    }

    @Test func anUnreachableMetadataServiceIsExit1() async throws {
        let (closedSocket, closed) = try LoopbackTools.refusingPort()
        defer { close(closedSocket) }
        let outcome = try await Fixture.run(
            options: Fixture.options(), arguments: ["--credentials", "ecs"],
            // Nothing listens: SPEC 8.1's own 3 s apply (no answer is expected, however busy this process is).
            environment: [
                Fixture.metadataVariable: "http://127.0.0.1:\(closed)", MetadataCredentialProvider.timeoutVariable: "3",
            ])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 1, "\(outcome.result.stderr)")
        #expect(
            outcome.result.stderr.contains("ECS metadata service http://127.0.0.1:\(closed): unreachable"),
            "\(outcome.result.stderr)")
        #expect(outcome.counters.totalRequests == 0)
    }

    @Test func noProjectOfTheRegionIsExit1NamingTheRegionAndTheVariable() async throws {
        let outcome = try await Fixture.run(
            options: Fixture.options(projects: ["ap-southeast-3": "other"]), arguments: ["--credentials", "env"],
            environment: ["HUAWEICLOUD_SDK_AK": Fixture.accessKey, "HUAWEICLOUD_SDK_SK": Fixture.secretKey])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 1, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("no project is named cn-north-4"), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("HUAWEICLOUD_SDK_PROJECT_ID"))
        #expect(outcome.route("iam-projects") == 1 && outcome.smsRequests == 0)
    }

    @Test(arguments: ["401", "403"])
    func iamRefusingIsExit1NamingIAM(_ status: String) async throws {
        var options = Fixture.options()
        options.faults.permissionDenied = status == "403"
        let outcome = try await Fixture.run(
            options: options, arguments: [],
            environment: [
                "HUAWEICLOUD_SDK_AK": status == "401" ? "UNKNOWNAK0000000001" : Fixture.accessKey,
                "HUAWEICLOUD_SDK_SK": Fixture.secretKey,
            ])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 1, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("IAM http://127.0.0.1:"), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("HTTP \(status)"), "\(outcome.result.stderr)")
        #expect(outcome.route("iam-projects") == 1 && outcome.smsRequests == 0)
        #expect(SecretShapes.leaks(in: outcome.result.stderr, of: [Fixture.secretKey]).isEmpty)
    }

    @Test func anUnreachableIAMIsExit1NamingIAM() async throws {
        let (closedSocket, closed) = try LoopbackTools.refusingPort()
        defer { close(closedSocket) }
        let outcome = try await Fixture.run(
            options: Fixture.options(), arguments: ["--retries", "0"],
            environment: ["HUAWEICLOUD_SDK_AK": Fixture.accessKey, "HUAWEICLOUD_SDK_SK": Fixture.secretKey],
            iam: "http://127.0.0.1:\(closed)")
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 1, "\(outcome.result.stderr)")
        #expect(
            outcome.result.stderr.contains("IAM http://127.0.0.1:\(closed): unreachable"), "\(outcome.result.stderr)")
        #expect(outcome.counters.totalRequests == 0)
    }

    @Test func autoWithoutCredentialsNeverAsksTheMetadataService() async throws {
        let outcome = try await Fixture.run(
            options: Fixture.options(metadata: MockMetadata()), arguments: ["--credentials", "auto"],
            environment: [Fixture.metadataVariable: "{mock}"])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 2, "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("no credentials"), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("--credentials ecs"))
        #expect(outcome.counters.totalRequests == 0)
        #expect(outcome.route("metadata-token") == 0 && outcome.route("metadata-securitykey") == 0)
    }
}
