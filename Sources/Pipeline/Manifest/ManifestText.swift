import Foundation

/// How manifest fields are cleaned, the same for every manifest format.
enum ManifestText {
    /// `task_id` and `source_id`: surrounding whitespace (a stray space, a line break in a cell) is never part of an ID.
    static func identifier(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
