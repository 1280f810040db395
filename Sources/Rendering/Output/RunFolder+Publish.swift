import Crypto
import Foundation
import ReportModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunFolder {
    /// Hashes `files` (the staged files of the run, by path relative to the staging folder: the rendered set and
    /// the artefacts) into `summary.files`, writes `summary.json` and then `SHA256SUMS` (and `SHA256SUMS.sig`, the
    /// bytes `sign` makes of `SHA256SUMS`, when given), and moves the complete set into the target; returns the
    /// summary as written.
    public func publish(
        _ summary: RunSummary, files: [String], sign: ((Data) throws -> Data)? = nil
    ) throws -> RunSummary {
        var summary = summary
        let staged = Array(Set(files)).filter {
            $0 != Self.summaryName && $0 != Self.checksumsName && $0 != Self.signatureName
        }
        // Hashed on every core: at 100,000 tasks the set is ~300 MB and a second of SHA-256 on one.
        let folder = staging.url
        summary.files = try ParallelWork.map(
            staged.sorted(by: Self.byteOrder), parallelism: ProcessInfo.processInfo.activeProcessorCount
        ) { path in
            Result { try Self.digest(folder.appendingPathComponent(path), path: path) }
        }.map { try $0.get() }
        let last = try Self.writeRecord(summary, into: staging, sign: sign)
        switch mode {
        case .create: try moveIntoPlace()
        case .swap: try swapIntoPlace()
        case .merge: try mergeIntoPlace(staged + last)
        }
        Self.syncFolder(target.deletingLastPathComponent())
        return summary
    }

    /// Rewrites the published set's `summary.json`, then its `SHA256SUMS` (and signature), each atomically, when a
    /// step after publishing added to the summary (a warning, `pruned`); the files it lists are unchanged.
    public func amend(_ summary: RunSummary, sign: ((Data) throws -> Data)? = nil) throws -> RunSummary {
        _ = try Self.writeRecord(summary, into: OutputFolder(url: target), sign: sign)
        return summary
    }

    /// Writes `summary.json`, then `SHA256SUMS` over the summary's files and `summary.json` itself, then its
    /// signature when signing; returns the names written, in that order.
    private static func writeRecord(
        _ summary: RunSummary, into folder: OutputFolder, sign: ((Data) throws -> Data)?
    ) throws -> [String] {
        let written = try folder.write(summaryName, bytes: try summary.fileData())
        let summaryEntry = try digest(written, path: summaryName)
        let listed = (summary.files + [summaryEntry]).sorted { byteOrder($0.path, $1.path) }
        let checksums = Data(listed.map { "\($0.sha256)  \($0.path)\n" }.joined().utf8)
        try folder.write(checksumsName, bytes: checksums)
        guard let sign else { return [summaryName, checksumsName] }
        try folder.write(signatureName, bytes: try sign(checksums))
        return [summaryName, checksumsName, signatureName]
    }

    /// Paths sort by their UTF-8 bytes, the same on every machine and locale.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Size and SHA-256 of a file, read in pieces.
    static func digest(_ url: URL, path: String) throws -> RunSummary.FileEntry {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw OutputError(path: url.path, reason: "cannot read back for its checksum")
        }
        defer { try? handle.close() }
        var digest = StreamingDigest()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { digest.update(chunk) }
        return RunSummary.FileEntry(path: path, bytes: digest.bytes, sha256: digest.hex)
    }

    private func moveIntoPlace() throws {
        guard rename(staging.url.path, target.path) == 0 else {
            throw OutputError(
                path: target.path, reason: "cannot move the run into place: \(String(cString: strerror(errno)))")
        }
    }

    /// One atomic exchange where the file system has it (Linux `renameat2`); else two renames, whose gap
    /// ``prepare(_:force:)`` of the next run repairs by restoring the retired set.
    private func swapIntoPlace() throws {
        if Self.exchange(staging.url.path, target.path) {
            // The staging path now holds the earlier set.
            try? FileManager.default.removeItem(at: staging.url)
            return
        }
        let retired = Self.retiredURL(target)
        guard rename(target.path, retired.path) == 0 else {
            throw OutputError(
                path: target.path, reason: "cannot retire the earlier run: \(String(cString: strerror(errno)))")
        }
        guard rename(staging.url.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired.path, target.path)
            throw OutputError(path: target.path, reason: "cannot move the run into place: \(reason)")
        }
        try? FileManager.default.removeItem(at: retired)
    }

    /// Beside foreign files (`--force`) there is no whole-folder swap: the earlier record goes first (so an
    /// interruption leaves no summary vouching for a mix), then the earlier files, then the new files move in
    /// one by one, `summary.json` and `SHA256SUMS` last. Nothing outside the earlier set is touched.
    private func mergeIntoPlace(_ files: [String]) throws {
        let fileManager = FileManager.default
        let newSet = Set(files)
        for name in [Self.signatureName, Self.checksumsName, Self.summaryName] where previousSet.contains(name) {
            _ = unlink(target.appendingPathComponent(name).path)
        }
        for path in previousSet.sorted() where !newSet.contains(path) {
            _ = unlink(target.appendingPathComponent(path).path)
        }
        for path in files {
            let destination = target.appendingPathComponent(path)
            try fileManager.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(staging.url.appendingPathComponent(path).path, destination.path) == 0 else {
                throw OutputError(
                    path: destination.path, reason: "cannot move into place: \(String(cString: strerror(errno)))")
            }
        }
        let earlierFolders = previousSet.map { target.appendingPathComponent($0).deletingLastPathComponent() }
        Self.removeEmpty(earlierFolders.filter { $0.path != target.path })
        try? fileManager.removeItem(at: staging.url)
    }

    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `renameat2(…, RENAME_EXCHANGE)`, looked up at run time: Swift's Glibc module does not declare it.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
            return false
        #endif
    }

    private static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
