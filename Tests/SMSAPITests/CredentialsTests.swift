import Foundation
import SMSAPI
import Testing

/// Where credentials come from and that they never print.
@Suite struct CredentialsTests {
    @Test func accessKeyFromHuaweiNamesWithScope() throws {
        let credentials = try SMSCredentials.resolve(
            environment: [
                "HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SK": "SK1", "HUAWEICLOUD_SDK_PROJECT_ID": "p",
                "HUAWEICLOUD_SDK_DOMAIN_ID": "d", "HUAWEICLOUD_SDK_SECURITY_TOKEN": "st",
                "HUAWEICLOUD_AUTH_TOKEN": "tok",
            ], tokenFile: nil)
        #expect(
            credentials
                == .accessKey(
                    AccessKeyCredentials(
                        accessKey: "AK1", secretKey: "SK1", securityToken: "st", projectID: "p", domainID: "d")))
    }

    @Test func accessKeyFromCloudNames() throws {
        let credentials = try SMSCredentials.resolve(
            environment: ["CLOUD_SDK_AK": "A", "CLOUD_SDK_SK": "S"], tokenFile: nil)
        #expect(credentials == .accessKey(AccessKeyCredentials(accessKey: "A", secretKey: "S")))
    }

    @Test func tokenFromEnvironment() throws {
        #expect(
            try SMSCredentials.resolve(environment: ["HUAWEICLOUD_AUTH_TOKEN": " tok\n"], tokenFile: nil)
                == .token("tok"))
    }

    @Test func tokenFileWins() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        try Data("file-token\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let credentials = try SMSCredentials.resolve(
            environment: ["HUAWEICLOUD_SDK_AK": "A", "HUAWEICLOUD_SDK_SK": "S"], tokenFile: file.path)
        #expect(credentials == .token("file-token"))
    }

    @Test(arguments: [
        ([String: String](), "HUAWEICLOUD_SDK_AK"), (["HUAWEICLOUD_SDK_AK": "A"], "HUAWEICLOUD_SDK_SK"),
        (["CLOUD_SDK_SK": "S"], "HUAWEICLOUD_SDK_AK"), (["HUAWEICLOUD_AUTH_TOKEN": "  "], "HUAWEICLOUD_AUTH_TOKEN"),
    ])
    func missingCredentialsNameTheVariables(_ environment: [String: String], _ variable: String) {
        do {
            _ = try SMSCredentials.resolve(environment: environment, tokenFile: nil)
            Issue.record("resolved without credentials")
        } catch let error as SMSAPIError {
            #expect(error.description.contains(variable))
            #expect(error.isLocalInput)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unreadableOrEmptyTokenFile() throws {
        #expect(throws: SMSAPIError.self) {
            try SMSCredentials.resolve(environment: [:], tokenFile: "/nonexistent/token")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: SMSAPIError.self) { try SMSCredentials.resolve(environment: [:], tokenFile: file.path) }
    }

    @Test func secretsNeverPrint() {
        let keys = AccessKeyCredentials(
            accessKey: "AKID", secretKey: "SK-SECRET", securityToken: "ST-SECRET", projectID: "proj")
        for credentials in [SMSCredentials.accessKey(keys), .token("TOKEN-SECRET")] {
            var dumped = ""
            dump(credentials, to: &dumped)
            for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped] {
                for secret in ["SK-SECRET", "ST-SECRET", "TOKEN-SECRET"] {
                    #expect(!text.contains(secret), "\(text)")
                }
            }
        }
        #expect(String(describing: keys).contains("AKID"))
    }
}
