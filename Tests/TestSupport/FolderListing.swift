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
}
