import Foundation
import Pipeline

/// libFuzzer entry: any bytes as a CSV manifest through the public reader; a clear error or a manifest, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifestCSV(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let manifest = try ManifestReader().read(data, name: "tasks.csv", format: .csv)
        // Validation promises non-empty task ids; a manifest that breaks it is a bug.
        if manifest.entries.contains(where: { $0.taskID.isEmpty }) { fatalError("an entry without a task id") }
    } catch {
        _ = String(describing: error)
    }
    return 0
}
