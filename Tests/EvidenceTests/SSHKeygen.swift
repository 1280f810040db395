import Foundation
import Testing

/// OpenSSH's `ssh-keygen`, which makes the test keys and checks our signatures as the readers of a ticket would.
///
/// With CI=true a missing ssh-keygen fails the tests that need it (openssh-client is in `.ci/run`'s installs);
/// elsewhere they are skipped.
enum SSHKeygen {
    static let path = ["/usr/bin/ssh-keygen", "/bin/ssh-keygen", "/usr/local/bin/ssh-keygen"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    /// Whether the tests that drive ssh-keygen run: always in CI (failing there when it is missing).
    static let enabled = required || path != nil

    /// What one ssh-keygen call did.
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `ssh-keygen arguments…` with `stdin`; fails the test when ssh-keygen is missing.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let path = try #require(path, "ssh-keygen is required (apt-get install openssh-client)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sshkeygen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = handle
        if let stdin {
            let input = scratch.appendingPathComponent("in")
            try stdin.write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return Result(status: process.terminationStatus, output: try String(contentsOf: out, encoding: .utf8))
    }

    /// A new key `name` in `folder` (`ssh-keygen -t type -N passphrase`); returns the private key's URL.
    static func makeKey(_ name: String, type: String = "ed25519", passphrase: String = "", in folder: URL) throws -> URL
    {
        let key = folder.appendingPathComponent(name)
        let result = try run(["-q", "-t", type, "-N", passphrase, "-C", "\(name)@test", "-f", key.path])
        #expect(result.status == 0, "\(result.output)")
        return key
    }

    /// The `ssh-ed25519 AAAA…` public key line of the key at `privateKey`.
    static func publicKey(of privateKey: URL) throws -> String {
        let line = try String(contentsOfFile: privateKey.path + ".pub", encoding: .utf8)
        return line.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// An allowed_signers file in `folder` allowing `identity` with the key at `privateKey`.
    static func allowedSigners(_ identity: String, key privateKey: URL, in folder: URL, options: String = "") throws
        -> URL
    {
        let file = folder.appendingPathComponent("allowed_signers-\(UUID().uuidString)")
        let options = options.isEmpty ? "" : options + " "
        try "\(identity) \(options)\(try publicKey(of: privateKey))\n".write(
            to: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
