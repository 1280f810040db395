import ArgumentParser
import Evidence
import Foundation
import Pipeline
import SMSAPI

/// Flags for the evidence of a run (SPEC 9): the key that signs `SHA256SUMS`.
struct EvidenceOptions: ParsableArguments {
    @Option(
        name: .customLong("sign-key"),
        help: "Unencrypted OpenSSH Ed25519 private key (mode 600) that signs SHA256SUMS into SHA256SUMS.sig.")
    var signKey: String?

    /// The signing key, `--sign-key` over `sign_key:`, read and checked; nil when neither is given. A key file
    /// others may read, an encrypted key or another key type is a ``ConfigurationError`` (exit 2) naming the
    /// file. The key's text is registered as a secret before anything else can print.
    func signer(_ configuration: ReportConfiguration) throws -> OpenSSHPrivateKey? {
        guard let path = signKey ?? configuration.signKey else { return nil }
        let place = signKey != nil ? "--sign-key" : "sign_key"
        do {
            let key = try OpenSSHPrivateKey(contentsOfFile: path)
            SecretRegistry.shared.register(key.secretTexts)
            return key
        } catch let error as SigningKeyError {
            throw ConfigurationError("\(place) \(error)")
        }
    }

    /// `bundle_max_mb:`, or the default of 10 (MiB).
    func bundleMaximumMB(_ configuration: ReportConfiguration) -> Double {
        configuration.bundleMaxMB ?? EvidenceBundle.defaultMaximumMB
    }
}
