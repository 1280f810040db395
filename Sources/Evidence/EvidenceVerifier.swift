import Foundation

/// `smsreport verify`: checks a run folder or an evidence bundle against its `SHA256SUMS`, and `SHA256SUMS.sig`
/// when there is one, and says what holds and what does not.
public struct EvidenceVerifier: Sendable {
    /// The keys allowed to sign; nil checks the signature only against the key it carries.
    public var allowedSigners: AllowedSigners?
    /// The time `valid-after`/`valid-before` are checked at.
    public var now: Date

    /// The most bytes SHA256SUMS or its signature may have.
    static let smallFileLimit = 16 << 20

    public init(allowedSigners: AllowedSigners? = nil, now: Date = Date()) {
        self.allowedSigners = allowedSigners
        self.now = now
    }

    /// Checks the folder or `.zip` at `url`; throws ``EvidenceError`` only when it cannot be read at all.
    public func verify(_ url: URL) throws -> VerificationReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw EvidenceError("\(url.path): no such folder or file")
        }
        if isDirectory.boolValue { return try verify(FolderEvidenceSource(folder: url)) }
        do {
            return try verify(try ZipEvidenceSource(url: url))
        } catch let error as EvidenceError {
            var report = VerificationReport()
            report.fail(error.description)
            return report
        }
    }

    func verify(_ source: any EvidenceSource) throws -> VerificationReport {
        var report = VerificationReport()
        let (files, problems) = try source.inventory()
        for problem in problems { report.fail(problem) }
        let present = Set(files)
        let checksumsName = EvidenceBundle.checksumsName
        guard present.contains(checksumsName) else {
            report.fail("\(checksumsName) is missing: there is nothing to check the files against")
            return report
        }
        let checksumsData: Data
        let list: ChecksumList
        do {
            checksumsData = try source.read(checksumsName, limit: Self.smallFileLimit)
            list = try ChecksumList(text: String(decoding: checksumsData, as: UTF8.self), file: checksumsName)
        } catch let error as EvidenceError {
            report.fail(error.description)
            return report
        }
        for entry in list.entries {
            let shown = VerificationReport.printable(entry.path)
            guard present.contains(entry.path) else {
                report.fail("\(shown) is listed in \(checksumsName) but missing")
                continue
            }
            do {
                if try source.digest(entry.path) == entry.sha256 {
                    report.pass("\(shown) matches \(checksumsName)")
                } else {
                    report.fail("\(shown) was changed: its SHA-256 is not the one \(checksumsName) lists")
                }
            } catch let error as EvidenceError {
                report.fail(error.description)
            }
        }
        let listed = Set(list.entries.map(\.path))
        let exempt: Set<String> = [checksumsName, EvidenceBundle.signatureName]
        for path in files where !listed.contains(path) && !exempt.contains(path) {
            report.fail("\(VerificationReport.printable(path)) is present but not listed in \(checksumsName)")
        }
        if present.contains(EvidenceBundle.signatureName) {
            checkSignature(source, message: checksumsData, into: &report)
        } else {
            report.note(
                "\(checksumsName) is not signed (no \(EvidenceBundle.signatureName)): it shows accidental changes, not who wrote it"
            )
        }
        return report
    }

    private func checkSignature(_ source: any EvidenceSource, message: Data, into report: inout VerificationReport) {
        let name = EvidenceBundle.signatureName
        let signature: SSHSignature
        do {
            let text = String(decoding: try source.read(name, limit: Self.smallFileLimit), as: UTF8.self)
            signature = try SSHSignature(armored: text, file: name)
        } catch {
            report.fail("\(error)")
            return
        }
        let key = "\(signature.publicKey.type) \(signature.publicKey.fingerprint)"
        if let problem = signature.problem(for: message) {
            report.fail("the signature in \(name) does not hold: \(problem)")
            return
        }
        guard let allowedSigners else {
            report.pass("\(name) is a valid signature of \(EvidenceBundle.checksumsName) by the key \(key)")
            report.note(
                "the signature was not checked against a key you trust: give --allowed-signers FILE to check who signed"
            )
            return
        }
        let principals = allowedSigners.principals(for: signature.publicKey, namespace: signature.namespace, at: now)
        if principals.isEmpty {
            report.fail("\(name) is signed by the key \(key), which the allowed signers file does not allow")
        } else {
            let who = principals.map(VerificationReport.printable).joined(separator: "; ")
            report.pass("\(name) is a good signature of \(EvidenceBundle.checksumsName) by \(who) (\(key))")
        }
    }
}
