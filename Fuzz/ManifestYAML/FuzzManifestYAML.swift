import Foundation
import FuzzDriver
import Pipeline

/// One fuzz input: any bytes as a YAML manifest through the public reader; a clear error or a manifest, never a trap.
func fuzzManifestYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let manifest = try ManifestReader().read(data, name: "tasks.yaml", format: .yaml)
        // Validation promises non-empty task ids; a manifest that breaks it is a bug.
        if manifest.entries.contains(where: { $0.taskID.isEmpty }) { fatalError("an entry without a task id") }
    } catch {
        _ = String(describing: error)
    }
    return 0
}

/// The executable's entry point (SwiftPM's name for `main` in a debug build): libFuzzer on ``fuzzManifestYAML``.
@_cdecl("FuzzManifestYAML_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzManifestYAML($0, $1) }
}
