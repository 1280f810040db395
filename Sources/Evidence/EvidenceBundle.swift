import Foundation
import Rendering
import ReportModel

/// The `bundle` format (SPEC 9): `<name>-evidence.zip`, one attachment for a change ticket holding the report's
/// other files, `summary.json`, a `SHA256SUMS` of them, `SHA256SUMS.sig` when signing and a `README.txt` in the
/// report's language.
///
/// The run's own `summary.json` lists every file of the run, this archive included, so it cannot be inside the
/// archive. The archive holds the summary as it stood before the archive existed, its `files` naming exactly the
/// bundled report files (docs/evidence.md). Entries are sorted by name and all dated `modificationDate`, so the
/// same files give the same bytes (`SOURCE_DATE_EPOCH`; Ed25519 signatures are deterministic too).
public enum EvidenceBundle {
    /// One file of the report to bundle: its name inside the archive and where it is staged.
    public struct File: Sendable, Hashable {
        /// A relative path with `/` separators, e.g. `handover.pdf`.
        public var path: String
        public var url: URL

        public init(path: String, url: URL) {
            self.path = path
            self.url = url
        }
    }

    /// The archive as written.
    public struct Written: Sendable, Hashable {
        public var url: URL
        public var bytes: Int
        /// `bundle_max_mb`, in MiB.
        public var maximumMB: Double

        /// `bundle_max_mb` in bytes.
        public var maximumBytes: Int { Int((maximumMB * Double(1 << 20)).rounded(.down)) }

        /// True when the archive is larger than `bundle_max_mb`: it is written all the same, with a warning.
        public var isTooLarge: Bool { bytes > maximumBytes }

        /// The `bundle_too_large` warning for `summary.json`, nil when the archive fits.
        public var warning: RunSummary.Warning? {
            guard isTooLarge else { return nil }
            let size = String(format: "%.1f", Double(bytes) / Double(1 << 20))
            let limit = String(format: "%g", maximumMB)
            return RunSummary.Warning(
                .bundleTooLarge,
                "\(url.lastPathComponent) is \(size) MB, over bundle_max_mb \(limit); it was written all the same")
        }
    }

    /// `bundle_max_mb`'s default: a usual ticket attachment limit.
    public static let defaultMaximumMB = 10.0

    static let summaryName = "summary.json"
    static let checksumsName = "SHA256SUMS"
    static let signatureName = "SHA256SUMS.sig"
    static let readmeName = "README.txt"
    /// Names the bundle writes itself; a report file of the same name would be ambiguous.
    static let ownNames: Set<String> = [summaryName, checksumsName, signatureName, readmeName]

    /// `<name>-evidence.zip`.
    public static func fileName(forReport name: String) -> String { "\(name)-evidence.zip" }

    /// Writes `report`'s bundle into `output` (atomically) and returns it with its size.
    ///
    /// `files` are the report's staged files; `summary` is the run's record before the bundle, whose `files` are
    /// replaced by the bundled files' sizes and digests. `signer` signs `SHA256SUMS`; `maximumMB` is
    /// `bundle_max_mb`.
    public static func write(
        report: ReportDefinition, strings: StringTable, files: [File], summary: RunSummary,
        signer: OpenSSHPrivateKey?, modificationDate: Date, maximumMB: Double = defaultMaximumMB,
        into output: OutputFolder
    ) throws -> Written {
        var seen: Set<String> = []
        for file in files {
            guard isSafeEntryName(file.path), !ownNames.contains(file.path), seen.insert(file.path).inserted else {
                throw EvidenceError(
                    "\(file.path): cannot go into the evidence bundle (unsafe, reserved or repeated name)")
            }
        }
        var listed: [ChecksumList.Entry] = []
        var summary = summary
        summary.files = []
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            let (bytes, digest) = try digest(of: file.url)
            summary.files.append(RunSummary.FileEntry(path: file.path, bytes: bytes, sha256: digest))
            listed.append(ChecksumList.Entry(path: file.path, sha256: digest))
        }
        let summaryData = try summary.fileData()
        var names = files.map(\.path) + [summaryName, readmeName, checksumsName]
        if signer != nil { names.append(signatureName) }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let title = report.title.flatMap { $0.isEmpty ? nil : $0 } ?? strings[.reportTitleDefault]
        let readme = EvidenceReadme(
            strings: strings, title: title, reportName: report.name, entries: names, signed: signer != nil)
        let readmeData = Data(readme.text.utf8)
        listed.append(ChecksumList.Entry(path: summaryName, sha256: ChecksumList.hex(summaryData)))
        listed.append(ChecksumList.Entry(path: readmeName, sha256: ChecksumList.hex(readmeData)))
        let checksums = Data(ChecksumList(listed).text.utf8)
        let signature = try signer.map { Data(try SSHSignature(signing: checksums, with: $0).armored.utf8) }

        var generated: [String: Data] = [summaryName: summaryData, readmeName: readmeData, checksumsName: checksums]
        generated[signatureName] = signature
        let staged = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.url) })
        let url = try output.write(fileName(forReport: report.name)) { temporary in
            let zip = try ZipFileWriter(url: temporary, modificationDate: modificationDate)
            for name in names {
                if let data = generated[name] {
                    try zip.add(name, bytes: data)
                } else if let source = staged[name] {
                    try zip.add(name, contentsOf: source)
                }
            }
            try zip.finish()
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        return Written(url: url, bytes: size, maximumMB: maximumMB)
    }

    /// A relative path without empty, `.` or `..` parts or backslashes: it names nothing outside its folder.
    static func isSafeEntryName(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\") && !path.contains("\0")
            && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// Size and hex SHA-256 of the file at `url`, read in pieces.
    static func digest(of url: URL) throws -> (Int, String) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw EvidenceError("\(url.path): cannot read for the evidence bundle")
        }
        defer { try? handle.close() }
        var hasher = StreamingDigest()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        return (hasher.bytes, hasher.hex)
    }
}
