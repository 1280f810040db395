import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunFolder {
    /// A `.<name>.smsreport-staging-<pid>` or `.<name>.smsreport-old-<pid>` folder beside the target.
    struct Sibling {
        /// `smsreport-staging` or `smsreport-old`.
        let marker: String
        let url: URL
        let pid: Int32
    }

    /// The staging and retired names in use beside `target`, each checked to be a real folder (not a symbolic
    /// link) owned by the user running the tool (SPEC 8.2). Anything else under such a name may have been
    /// planted to redirect a rename or a delete: it is left alone and stops the run (exit 1), naming it.
    static func checkedSiblings(of target: URL) throws -> [Sibling] {
        let parent = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var result: [Sibling] = []
        for marker in ["smsreport-staging", "smsreport-old"] {
            let prefix = ".\(target.lastPathComponent).\(marker)-"
            for name in names.sorted() {
                guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
                let url = parent.appendingPathComponent(name)
                var status = stat()
                guard lstat(url.path, &status) == 0 else { continue }
                guard status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else {
                    throw OutputError(
                        path: url.path,
                        reason: "is not a folder this user's smsreport made (a symbolic link, a file or another "
                            + "user's folder); it is left alone and nothing was written: remove it or choose "
                            + "another --out")
                }
                result.append(Sibling(marker: marker, url: url, pid: pid))
            }
        }
        return result
    }

    /// A swap interrupted between its two renames (only on file systems without an atomic exchange) left the
    /// target missing and the earlier set retired: that set goes back, so the target again holds a whole run.
    static func restoreInterruptedSwap(_ target: URL, siblings: [Sibling]) {
        var status = stat()
        guard lstat(target.path, &status) != 0, errno == ENOENT else { return }
        for sibling in siblings where sibling.marker == "smsreport-old" && !isAlive(sibling.pid) {
            if rename(sibling.url.path, target.path) == 0 { return }
        }
    }

    /// Staging and retired folders of runs that are no longer alive (killed with SIGKILL, power loss); a
    /// retired folder that went back into place is gone from its name and skipped.
    static func removeStaleSiblings(_ siblings: [Sibling]) {
        for sibling in siblings where !isAlive(sibling.pid) {
            var status = stat()
            // Checked again just before: only a real folder of this user is ever deleted.
            guard lstat(sibling.url.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
                status.st_uid == geteuid()
            else { continue }
            try? FileManager.default.removeItem(at: sibling.url)
        }
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH
    }
}
