import Foundation
import Testing

@testable import SMSAPI

/// The profile file as the SDKs' `ProfileCredentialProvider` reads it, where it is looked for, and its checks
/// (SPEC 8.1).
@Suite struct CredentialProfileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smsreport-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, _ url: URL, mode: Int = 0o600) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    @Test func readsTheBasicSectionLikeConfigparser() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("credentials")
        try Self.write(
            "\u{FEFF}# comment\r\n[global]\r\nak = GLOBALAK\r\n[basic]\r\n; another\r\nAK = BASICAK  \r\nsk:  s3cr/t+=  \r\n"
                + "project_id=p-1\r\nsecurity_token = tok\r\niam_endpoint = https://iam.example.com\r\nunknown = x\r\n",
            file)
        let profile = try CredentialProfile.load(.init(path: file.path, origin: .variable))
        #expect(profile.accessKey == "BASICAK")
        #expect(profile.secretKey == "s3cr/t+=")
        #expect(profile.projectID == "p-1")
        #expect(profile.securityToken == "tok")
        #expect(profile.iamEndpoint == "https://iam.example.com")
        #expect(profile.description == "profile file \(file.path) [basic]")
        #expect(!"\(profile.keys)".contains("s3cr"))
    }

    @Test func errorsNameTheFileAndWhatIsWrongNeverAValue() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hw.ini")
        let cases: [(String, String)] = [
            ("[basic]\nak = A\n", "[basic] has no sk"),
            ("[basic]\nsk = SECRETVALUE1\n", "[basic] has no ak"),
            ("[basic]\n", "[basic] has no ak and sk"),
            ("[Basic]\nak = A\nsk = SECRETVALUE1\n", "has no [basic] section"),
            ("ak = A\n", "a key before the first [section]"),
            ("[basic]\nak = A\nsk = SECRETVALUE1\nsk = SECRETVALUE2\n", "hw.ini:4: sk appears twice"),
            ("[basic]\nak = A\nsk = SECRET VALUE1\n", "hw.ini:3 (sk in [basic]) holds whitespace"),
            ("[basic]\njust a line SECRETVALUE1\n", "hw.ini:2: neither a [section] nor a key = value line"),
        ]
        for (text, message) in cases {
            try Self.write(text, file)
            #expect {
                _ = try CredentialProfile.load(.init(path: file.path, origin: .home))
            } throws: { error in
                let description = "\(error)"
                return description.contains(message) && description.contains(file.path)
                    && !description.contains("SECRET")
            }
        }
    }

    @Test func aFileGroupOrOthersMayReadIsRefusedOutsideSystemdsFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("credentials")
        for mode in [0o640, 0o604, 0o644] {
            try Self.write("[basic]\nak = A\nsk = SECRETVALUE1\n", file, mode: mode)
            #expect {
                _ = try CredentialProfile.load(.init(path: file.path, origin: .home))
            } throws: { "\($0)".contains("chmod 600 \(file.path)") }
            #expect(try CredentialProfile.load(.init(path: file.path, origin: .systemd)).accessKey == "A")
        }
        for mode in [0o600, 0o400] {
            try Self.write("[basic]\nak = A\nsk = SECRETVALUE1\n", file, mode: mode)
            #expect(try CredentialProfile.load(.init(path: file.path, origin: .variable)).accessKey == "A")
        }
    }

    @Test func isLookedForInTheVariableThenSystemdsFolderThenHome() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        let systemd = folder.appendingPathComponent("creds")
        var environment = ["HOME": home.path, "CREDENTIALS_DIRECTORY": systemd.path]
        #expect(CredentialProfile.locate(environment: environment) == nil)
        try Self.write("[basic]\n", home.appendingPathComponent(".huaweicloud/credentials"))
        #expect(CredentialProfile.locate(environment: environment)?.origin == .home)
        try Self.write("[basic]\n", systemd.appendingPathComponent("huaweicloud"))
        #expect(
            CredentialProfile.locate(environment: environment)
                == .init(path: systemd.appendingPathComponent("huaweicloud").path, origin: .systemd))
        // A named file wins even when it does not exist, so that reading it says so.
        environment["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = "/nonexistent/hw.ini"
        #expect(
            CredentialProfile.locate(environment: environment) == .init(path: "/nonexistent/hw.ini", origin: .variable))
    }

    @Test func modeAutoKeepsTheOldOrderAndEndsWithTheProfile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(
            "[basic]\nak = PAK\nsk = SECRETVALUE1\n", folder.appendingPathComponent(".huaweicloud/credentials"))
        func resolve(_ mode: CredentialsMode, _ extra: [String: String]) throws -> ResolvedCredentials {
            try CredentialResolver(
                mode: mode, environment: ["HOME": folder.path].merging(extra) { $1 }, tokenFile: nil,
                registry: SecretRegistry()
            ).resolve()
        }
        #expect(try resolve(.auto, [:]).source == .profile)
        #expect(try resolve(.auto, ["HUAWEICLOUD_AUTH_TOKEN": "tok"]).source == .token)
        #expect(try resolve(.auto, ["HUAWEICLOUD_SDK_AK": "EAK", "HUAWEICLOUD_SDK_SK": "esk"]).source == .env)
        #expect(try resolve(.profile, ["HUAWEICLOUD_AUTH_TOKEN": "tok"]).source == .profile)
        #expect(throws: SMSAPIError.self) { try resolve(.env, ["HUAWEICLOUD_AUTH_TOKEN": "tok"]) }
        #expect(throws: SMSAPIError.self) {
            try resolve(.token, ["HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "s"])
        }
        let ecs = try resolve(.ecs, ["HUAWEICLOUD_SDK_METADATA_ENDPOINT": "http://127.0.0.1:9"])
        #expect(ecs.source == .ecs && ecs.origin == "ECS agency via the metadata service http://127.0.0.1:9")
        #expect(ecs.projectLine(region: "cn-north-4") == "project ID: from IAM for cn-north-4")
        #expect(ecs.projectLine(region: nil).hasPrefix("project ID: none sent"))
    }

    @Test func expiresAtIsReadWithAnyFraction() {
        let whole = SecurityKeyAnswer.parse(expiresAt: "2026-12-07T10:00:00Z")
        #expect(whole == Date(timeIntervalSince1970: 1_796_637_600))
        #expect(SecurityKeyAnswer.parse(expiresAt: "2026-12-07T10:00:00.500000Z") == whole?.addingTimeInterval(0.5))
        #expect(SecurityKeyAnswer.parse(expiresAt: "2026-12-07T10:00:00.000000") == whole)
        #expect(SecurityKeyAnswer.parse(expiresAt: "tomorrow") == nil)
        #expect(SecurityKeyAnswer.parse(expiresAt: "2026-12-07T10:00:00.Z") == nil)
    }
}
