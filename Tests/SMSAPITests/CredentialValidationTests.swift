import Foundation
import Testing

@testable import SMSAPI

/// Credentials are checked before any request; errors name the source and never the value (SPEC 1).
@Suite struct CredentialValidationTests {
    static let secretPart = "Zq8SECRETPARTzq8"

    static func tokenFile(_ bytes: [UInt8]) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString).txt")
        try Data(bytes).write(to: file)
        return file
    }

    static func failure(environment: [String: String] = [:], tokenFile: String? = nil) -> SMSAPIError? {
        do {
            _ = try SMSCredentials.resolve(environment: environment, tokenFile: tokenFile)
            return nil
        } catch let error as SMSAPIError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    static let acceptedFiles: [(String, String)] = [
        ("LF", "\(secretPart)\n"), ("CRLF", "\(secretPart)\r\n"), ("no line break", secretPart),
        ("byte order mark", "\u{FEFF}\(secretPart)\n"), ("blank lines after", "\(secretPart)\n\n  \n"),
        ("surrounding blanks", "  \(secretPart)\t\n"),
    ]

    @Test(arguments: acceptedFiles)
    func tokenFileMayEndWithOneLineBreak(_ name: String, _ content: String) throws {
        let file = try Self.tokenFile(Array(content.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(
            try SMSCredentials.resolve(environment: [:], tokenFile: file.path) == .token(Self.secretPart), "\(name)")
    }

    static let rejectedFiles: [(String, String, String)] = [
        ("wrapped onto a second line", "\(secretPart)\n\(secretPart)\n", ":2:"),
        ("wrapped with CRLF", "\(secretPart)\r\nMORE\(secretPart)\r\n", ":2:"),
        ("third line", "\(secretPart)\n\nTHIRD\(secretPart)", ":3:"),
        ("inner space", "\(secretPart) \(secretPart)\n", ":1 holds whitespace"),
        ("inner tab", "\(secretPart)\t\(secretPart)", ":1 holds a control character"),
        ("bare CR", "\(secretPart)\r\(secretPart)", ":1 holds a line break"),
        ("escape", "\(secretPart)\u{1B}[2J", ":1 holds a control character"),
        ("zero-width space", "\(secretPart)\u{200B}x", ":1 holds an invisible format character"),
        ("no-break space", "\(secretPart)\u{A0}x", ":1 holds whitespace"),
        ("NUL", "\(secretPart)\u{0}x", ":1 holds a control character"),
    ]

    @Test(arguments: rejectedFiles)
    func badTokenFilesNameTheLineNeverTheValue(_ name: String, _ content: String, _ expected: String) throws {
        let file = try Self.tokenFile(Array(content.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let error = try #require(Self.failure(tokenFile: file.path), "\(name)")
        #expect(error.isLocalInput)
        #expect(error.description.contains(file.path + expected), "\(name): \(error)")
        #expect(!error.description.contains(Self.secretPart.prefix(8)), "\(name): \(error)")
        #expect(!String(reflecting: error).contains(Self.secretPart.prefix(8)), "\(name)")
    }

    @Test func tokenFileThatIsNotUTF8() throws {
        let file = try Self.tokenFile([0x41, 0xFF, 0xFE, 0x42])
        defer { try? FileManager.default.removeItem(at: file) }
        let error = try #require(Self.failure(tokenFile: file.path))
        #expect(error.description.contains("not UTF-8"))
    }

    static let rejectedVariables: [(String, [String: String], String)] = [
        (
            "SK with a tab", ["HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SK": "a\t\(secretPart)"],
            "HUAWEICLOUD_SDK_SK"
        ),
        ("SK wrapped", ["CLOUD_SDK_AK": "AK1", "CLOUD_SDK_SK": "\(secretPart)\n\(secretPart)"], "CLOUD_SDK_SK"),
        ("AK with a space", ["HUAWEICLOUD_SDK_AK": "AK 1", "HUAWEICLOUD_SDK_SK": secretPart], "HUAWEICLOUD_SDK_AK"),
        (
            "security token with a control character",
            [
                "HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SK": "SK1",
                "HUAWEICLOUD_SDK_SECURITY_TOKEN": "\(secretPart)\u{7}",
            ],
            "HUAWEICLOUD_SDK_SECURITY_TOKEN"
        ),
        (
            "project id with a line break",
            ["HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SK": "SK1", "HUAWEICLOUD_SDK_PROJECT_ID": "p\nq"],
            "HUAWEICLOUD_SDK_PROJECT_ID"
        ),
        (
            "token with a line break", ["HUAWEICLOUD_AUTH_TOKEN": "\(secretPart)\n\(secretPart)"],
            "HUAWEICLOUD_AUTH_TOKEN"
        ),
        ("token with DEL", ["HUAWEICLOUD_AUTH_TOKEN": "\(secretPart)\u{7F}"], "HUAWEICLOUD_AUTH_TOKEN"),
    ]

    @Test(arguments: rejectedVariables)
    func badVariablesAreNamedNeverShown(_ name: String, _ environment: [String: String], _ variable: String) throws {
        let error = try #require(Self.failure(environment: environment), "\(name)")
        #expect(error.isLocalInput)
        #expect(error.description.contains(variable + " holds"), "\(name): \(error)")
        #expect(!error.description.contains(Self.secretPart.prefix(8)), "\(name): \(error)")
    }

    @Test func unusedVariablesAreNotChecked() throws {
        // The access key pair is used, so a broken token variable beside it does not matter.
        let credentials = try SMSCredentials.resolve(
            environment: ["HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SK": "SK1", "HUAWEICLOUD_AUTH_TOKEN": "a b"],
            tokenFile: nil)
        #expect(credentials == .accessKey(AccessKeyCredentials(accessKey: "AK1", secretKey: "SK1")))
    }
}
