import Foundation

/// The `[basic]` section of a credentials profile file, read as the official SDKs' `ProfileCredentialProvider`
/// reads it (SPEC 8.1).
public struct CredentialProfile: Sendable, CustomStringConvertible {
    /// Where a profile file was found, and through which of the three ways of naming it.
    public struct Location: Sendable, Hashable {
        /// How the file was named: the variable, systemd's credentials directory, or the home folder.
        public enum Origin: Sendable, Hashable {
            case variable
            case systemd
            case home
        }

        public var path: String
        public var origin: Origin

        public init(path: String, origin: Origin) {
            self.path = path
            self.origin = origin
        }
    }

    /// The environment names that point at the file.
    public enum Variable {
        public static let file = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"
        /// Set by systemd for a unit with `LoadCredential=`; the file is `huaweicloud` in that folder.
        public static let systemdDirectory = "CREDENTIALS_DIRECTORY"
        /// The name of the credential under systemd's directory.
        public static let systemdName = "huaweicloud"
    }

    /// The section the SDKs read for project-scoped services.
    public static let section = "basic"

    public var location: Location
    public var accessKey: String
    public var secretKey: String
    public var projectID: String?
    public var securityToken: String?
    public var iamEndpoint: String?

    /// The access key pair of the profile, with its project ID and security token.
    public var keys: AccessKeyCredentials {
        AccessKeyCredentials(
            accessKey: accessKey, secretKey: secretKey, securityToken: securityToken, projectID: projectID)
    }

    /// `profile file PATH [basic]`, for `--dry-run` and `--verbose`; never a value.
    public var description: String { "profile file \(location.path) [\(Self.section)]" }

    /// The file the environment names (even when it does not exist, so that reading it reports that), else
    /// `$CREDENTIALS_DIRECTORY/huaweicloud` or `~/.huaweicloud/credentials` when it exists; nil when none does.
    public static func locate(environment: [String: String]) -> Location? {
        if let path = environment[Variable.file], !path.isEmpty {
            return Location(path: path, origin: .variable)
        }
        if let folder = environment[Variable.systemdDirectory], !folder.isEmpty {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(Variable.systemdName).path
            if FileManager.default.fileExists(atPath: path) { return Location(path: path, origin: .systemd) }
        }
        let home = defaultPath(environment: environment)
        return FileManager.default.fileExists(atPath: home) ? Location(path: home, origin: .home) : nil
    }

    /// `~/.huaweicloud/credentials`, with `HOME` from `environment` when set.
    public static func defaultPath(environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".huaweicloud/credentials").path
    }

    /// Reads and checks the file at `location`: errors name the file and what is missing or wrong, never a value.
    ///
    /// A file that group or others may read is refused (`chmod 600`), except in systemd's credentials directory,
    /// which systemd itself protects.
    public static func load(_ location: Location) throws(SMSAPIError) -> CredentialProfile {
        let path = location.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw SMSAPIError.missingCredentials(
                "the credentials profile file \(path) does not exist or cannot be read")
        }
        if location.origin != .systemd, let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue,
            mode & 0o044 != 0
        {
            throw SMSAPIError.invalidCredentials(
                "the credentials profile file \(path) may be read by group or others (mode "
                    + "\(String(mode & 0o777, radix: 8))): run chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SMSAPIError.missingCredentials("the credentials profile file \(path) cannot be read")
        }
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw SMSAPIError.invalidCredentials("\(path): the credentials profile file is not UTF-8 text")
        }
        let sections = try INISections.parse(text, file: path)
        guard let basic = sections[section] else {
            throw SMSAPIError.missingCredentials("\(path) has no [\(section)] section")
        }
        func value(_ key: String) throws(SMSAPIError) -> String? {
            guard let found = basic[key], !found.value.isEmpty else { return nil }
            return try SMSCredentials.checked(found.value, source: "\(path):\(found.line) (\(key) in [\(section)])")
        }
        let accessKey = try value("ak")
        let secretKey = try value("sk")
        guard let accessKey, let secretKey else {
            let missing = [accessKey == nil ? "ak" : nil, secretKey == nil ? "sk" : nil].compactMap { $0 }
            throw SMSAPIError.missingCredentials(
                "\(path): [\(section)] has no \(missing.joined(separator: " and ")) (it needs ak and sk)")
        }
        return CredentialProfile(
            location: location, accessKey: accessKey, secretKey: secretKey, projectID: try value("project_id"),
            securityToken: try value("security_token"), iamEndpoint: try value("iam_endpoint"))
    }
}
