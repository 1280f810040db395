import Foundation
import SMSMock
import TestSupport
import Testing

/// Each credentials source end to end, through the built binary against the mock over loopback HTTP: the profile
/// file in its three places, the ECS agency with and without a session token, the project ID from IAM, and a run
/// that outlives its temporary key (SPEC 8.1).
@Suite struct CredentialSourcesTests {
    typealias Fixture = CredentialsFixture

    enum Place: String, CaseIterable, Sendable {
        case variable, systemd, home
    }

    @Test(arguments: Place.allCases)
    func theProfileFileIsFoundInEachPlaceAndTheProjectComesFromIAM(_ place: Place) async throws {
        let outcome = try await Fixture.run(
            options: Fixture.options(), arguments: ["--credentials", "profile", "--verbose"]
        ) { folder in
            switch place {
            case .variable:
                let file = folder.appendingPathComponent("secrets/hw.ini")
                try Fixture.write(Fixture.profile(), to: file)
                return [Fixture.variable: file.path]
            case .systemd:
                // systemd's credentials folder is protected by systemd: the file's own mode is not checked.
                try Fixture.write(
                    Fixture.profile(), to: folder.appendingPathComponent("creds/huaweicloud"), mode: 0o644)
                return ["CREDENTIALS_DIRECTORY": folder.appendingPathComponent("creds").path]
            case .home:
                try Fixture.write(Fixture.profile(), to: folder.appendingPathComponent("home/.huaweicloud/credentials"))
                return ["HOME": folder.appendingPathComponent("home").path]
            }
        }
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 0, "\(outcome.result.stderr)")
        #expect(outcome.counters.authenticationRejections == 0)
        #expect(outcome.route("iam-projects") == 1)
        // IAM's call carries no project; every SMS request carries the one IAM gave.
        #expect(outcome.counters.projectIDs == [Fixture.projectID: 3])
        #expect(outcome.smsRequests == 3)
        #expect(outcome.route("metadata-securitykey") == 0 && outcome.route("metadata-token") == 0)
        let expected = [
            "variable": "secrets/hw.ini", "systemd": "creds/huaweicloud", "home": ".huaweicloud/credentials",
        ]
        #expect(outcome.result.stderr.contains("credentials: profile file "), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("\(expected[place.rawValue]!) [basic]"), "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("project ID: from IAM for cn-north-4"))
        for (place, text) in outcome.outputs() {
            #expect(SecretShapes.leaks(in: text, of: [Fixture.secretKey]).isEmpty, "\(place)")
        }
    }

    @Test(arguments: [MockMetadata.Mode.sessionToken, .noSessionToken])
    func theECSAgencyGivesTemporaryKeysSignedWithTheirSecurityToken(_ mode: MockMetadata.Mode) async throws {
        let outcome = try await Fixture.run(
            options: Fixture.options(metadata: MockMetadata(mode: mode)),
            arguments: ["--credentials", "ecs", "--verbose"],
            environment: [Fixture.metadataVariable: "{mock}"])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 0, "\(outcome.result.stderr)")
        #expect(outcome.counters.authenticationRejections == 0)
        #expect(outcome.issued.count == 1)
        #expect(outcome.route("metadata-token") == 1)
        #expect(outcome.sessionTokens.count == (mode == .sessionToken ? 1 : 0))
        // The IAM lookup and every SMS request were signed with the temporary key and its security token.
        #expect(outcome.route("iam-projects") == 1)
        #expect(outcome.counters.projectIDs == [Fixture.projectID: 3])
        #expect(outcome.result.stderr.contains("credentials: ECS agency via the metadata service http://127.0.0.1:"))
        for (place, text) in outcome.outputs() {
            #expect(SecretShapes.leaks(in: text, of: outcome.temporarySecrets).isEmpty, "\(place)")
        }
    }

    @Test func aRunThatOutlivesItsTemporaryKeyFetchesANewOneAndIsNeverRefused() async throws {
        // Keys of 302 s that the mock already refuses 299 s before their end: 3 s of life as the mock sees it,
        // while the client replaces a key 5 minutes before its end, i.e. after 2 s. Each session token serves one
        // security key call, so every new key also takes the 401 → new session token path.
        var options = Fixture.options(
            metadata: MockMetadata(
                mode: .sessionToken, keyLifetime: .seconds(302), expiryMargin: .seconds(299), sessionTokenUses: 1))
        options.faults.latency = .milliseconds(400)
        let outcome = try await Fixture.run(
            options: options, tasks: 14, arguments: ["--credentials", "ecs", "--concurrency", "1"],
            environment: [Fixture.metadataVariable: "{mock}"])
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 0, "\(outcome.result.stderr)")
        #expect(outcome.result.seconds > 4)
        #expect(outcome.issued.count >= 2, "\(outcome.counters.requestsPerRoute)")
        #expect(outcome.route("metadata-securitykey") >= 2)
        #expect(outcome.counters.authenticationRejections == 0)
        #expect(outcome.smsRequests == 14)
    }

    @Test func aProjectIDInTheProfileMeansNoIAMLookup() async throws {
        let outcome = try await Fixture.run(options: Fixture.options(), arguments: ["--credentials", "profile"]) {
            let file = $0.appendingPathComponent("hw.ini")
            try Fixture.write(Fixture.profile(extra: "project_id = \(Fixture.projectID)\n"), to: file)
            return [Fixture.variable: file.path]
        }
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 0, "\(outcome.result.stderr)")
        #expect(outcome.route("iam-projects") == 0)
        #expect(outcome.counters.projectIDs[Fixture.projectID] == outcome.smsRequests)
    }

    @Test func aCustomEndpointWithoutRegionMeansNoLookupAndNoProjectHeader() async throws {
        var options = Fixture.options()
        options.requiredProjectID = nil
        let outcome = try await Fixture.run(
            options: options, arguments: ["--credentials", "env", "--verbose"],
            environment: ["HUAWEICLOUD_SDK_AK": Fixture.accessKey, "HUAWEICLOUD_SDK_SK": Fixture.secretKey],
            region: nil)
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 0, "\(outcome.result.stderr)")
        #expect(outcome.route("iam-projects") == 0)
        #expect(outcome.counters.projectIDs.isEmpty)
        #expect(outcome.smsRequests == 3 && outcome.counters.authenticationRejections == 0)
        #expect(outcome.result.stderr.contains("project ID: none sent (no region to look one up for"))
        #expect(
            outcome.result.stderr.contains(
                "credentials: environment (AK/SK from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)"))
    }

    @Test func aDryRunSaysWhereCredentialsAndProjectComeFromAndCallsNothing() async throws {
        let outcome = try await Fixture.run(
            options: Fixture.options(metadata: MockMetadata()), arguments: ["--dry-run", "--json"],
            environment: [Fixture.metadataVariable: "{mock}"]
        ) { folder in
            try Fixture.write(Fixture.profile(), to: folder.appendingPathComponent(".huaweicloud/credentials"))
            return [:]
        }
        defer { try? FileManager.default.removeItem(at: outcome.folder) }
        #expect(outcome.result.exitCode == 0, "\(outcome.result.stderr)")
        #expect(outcome.counters.totalRequests == 0)
        let path = outcome.folder.appendingPathComponent(".huaweicloud/credentials").path
        #expect(
            outcome.result.stderr.contains("credentials: profile file \(path) [basic], AK/SK"),
            "\(outcome.result.stderr)")
        #expect(outcome.result.stderr.contains("project ID: from IAM for cn-north-4"))
        #expect(outcome.result.stdout.contains(#""credentials_source":"profile""#), "\(outcome.result.stdout)")
        for (place, text) in outcome.outputs() {
            #expect(SecretShapes.leaks(in: text, of: [Fixture.secretKey]).isEmpty, "\(place)")
        }
    }
}
