import Pipeline
import ReportModel
import SMSMock

extension MockWorld {
    /// The world's tasks as the manifest `m.csv` would give them (a header, then one line per task), for the
    /// pipeline tests that run against the mock.
    var manifestEntries: [ManifestEntry] {
        taskInfos.enumerated().map { index, info in
            ManifestEntry(
                taskID: info.taskID, sourceID: info.sourceID, sourceName: info.sourceName,
                location: ManifestLocation(file: "m.csv", line: index + 2))
        }
    }

    /// A manifest of `entries` (the world's own by default) named `m.csv`.
    func manifest(entries: [ManifestEntry]? = nil) -> Manifest {
        Manifest(
            entries: entries ?? manifestEntries,
            info: ManifestInfo(name: "m.csv", sha256: String(repeating: "0", count: 64), taskCount: 0))
    }
}
