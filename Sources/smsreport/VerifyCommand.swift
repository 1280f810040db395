import ArgumentParser
import Evidence
import Foundation
import Pipeline
import ReportModel

/// `smsreport verify DIR|ZIP`: checks a run folder or an evidence bundle against its `SHA256SUMS` and signature
/// (SPEC 9); exit 0 only when every check holds, 1 when one does not, 2 for bad usage.
struct VerifyCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a run folder or an evidence bundle against its SHA256SUMS and signature.",
        discussion: """
            Every file must match SHA256SUMS, none may be missing from it or unlisted in it, and SHA256SUMS.sig, \
            when present, must be a good SSH signature (namespace smsreport). With --allowed-signers the signing \
            key must be one of the file's keys (ssh-keygen's ALLOWED SIGNERS format); without it the signature is \
            checked against the key it carries only, and the output says so. A .zip is read in place, bounded, and \
            never unpacked to disk.
            """)

    @Argument(help: "The run folder (--out) or the <name>-evidence.zip to check.")
    var path: String

    @Option(
        name: .customLong("allowed-signers"),
        help: "allowed_signers file: lines of 'principals [options] ssh-ed25519 KEY' whose keys may sign.")
    var allowedSigners: String?

    var json: Bool { false }

    func execute(_ known: inout RunSummary) async throws {
        let signers: AllowedSigners?
        do {
            signers = try allowedSigners.map { try AllowedSigners(contentsOfFile: $0) }
        } catch let error as EvidenceError {
            throw ConfigurationError("--allowed-signers \(error)")
        }
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ValidationError("\(path): no such folder or file")
        }
        let report = try EvidenceVerifier(allowedSigners: signers).verify(url)
        Console.printLine(report.lines.joined(separator: "\n"))
        if !report.allHold { throw ExitCode(1) }
    }
}
