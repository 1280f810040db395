import Foundation

/// Files under `Tests/TestSupport/Fixtures`, shared by the test targets.
public enum Fixtures {
    /// The URL of fixture `name`, e.g. `hostile-results.json`.
    public static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    }

    /// The bytes of fixture `name`.
    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }
}
