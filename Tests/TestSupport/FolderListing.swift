import Foundation

/// What a folder holds, for tests that compare output sets.
public enum FolderListing {
    /// Every regular file below `folder` as a relative path, hidden ones included, sorted; empty when the
    /// folder does not exist.
    public static func files(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { names.append(name) }
        }
        return names.sorted()
    }

    /// The names in `folder` (not below it) but run locks (`.<name>.smsreport-lock`), which a run leaves
    /// beside its output folder on purpose (SPEC 8.2).
    public static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".smsreport-lock") }
    }
}
