import Foundation
import Rendering
import ZIPFoundation

/// An evidence bundle read in place, never unpacked to disk: names are only compared, never used as paths, and
/// every entry is inflated through a counter that stops at the limits, so a zip bomb costs a bounded amount of
/// work and memory.
final class ZipEvidenceSource: EvidenceSource {
    private let archive: Archive
    private let file: String
    /// Bytes any one entry may inflate to, and all entries together.
    private let entryLimit: Int
    private var budget: Int

    /// The most entries read: a bundle has about ten.
    static let maximumEntries = 10_000

    /// Opens the archive at `url`; throws ``EvidenceError`` when it is not a readable zip.
    init(url: URL, entryLimit: Int = 1 << 31, totalLimit: Int = 1 << 32) throws {
        file = url.path
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw EvidenceError("\(url.path): not a readable zip archive")
        }
        self.entryLimit = entryLimit
        budget = totalLimit
    }

    func inventory() throws -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        var seen: Set<String> = []
        var count = 0
        for entry in archive {
            count += 1
            guard count <= Self.maximumEntries else {
                throw EvidenceError("\(file): more than \(Self.maximumEntries) entries; not an evidence bundle")
            }
            let name = entry.path
            let shown = VerificationReport.printable(name)
            switch entry.type {
            case .directory: continue
            case .symlink:
                problems.append("\(shown) is a symbolic link in the archive (not followed)")
                continue
            case .file: break
            }
            guard EvidenceBundle.isSafeEntryName(name) else {
                problems.append("\(shown) is not a safe relative path (not read)")
                continue
            }
            guard seen.insert(name).inserted else {
                problems.append("\(shown) is in the archive more than once")
                continue
            }
            files.append(name)
        }
        return (files, problems)
    }

    func digest(_ path: String) throws -> String {
        var hasher = StreamingDigest()
        try inflate(path) { hasher.update($0) }
        return hasher.hex
    }

    func read(_ path: String, limit: Int) throws -> Data {
        var data = Data()
        try inflate(path) { chunk in
            data.append(chunk)
            if data.count > limit { throw EvidenceError("\(path): larger than \(limit) bytes") }
        }
        return data
    }

    private func inflate(_ path: String, _ consume: (Data) throws -> Void) throws {
        guard let entry = archive[path] else { throw EvidenceError("\(path): not in the archive") }
        var inflated = 0
        let entryLimit = entryLimit
        var budget = budget
        defer { self.budget = budget }
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                inflated += chunk.count
                budget -= chunk.count
                guard inflated <= entryLimit, budget >= 0 else { throw Overflow() }
                try consume(chunk)
            }
        } catch is Overflow {
            throw EvidenceError("\(path): inflates past the archive reader's limit (a zip bomb?)")
        } catch let error as EvidenceError {
            throw error
        } catch {
            throw EvidenceError("\(path): cannot be unpacked (the archive is damaged)")
        }
    }

    private struct Overflow: Error {}
}
