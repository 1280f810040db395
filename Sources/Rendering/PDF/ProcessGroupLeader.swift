import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process that leads a process group of its own, so that it and every process it starts can be stopped
/// together (SPEC 8.2 "PDF"): Chromium forks renderers and helpers that would outlive a stopped browser.
///
/// Waiting polls `waitpid` with `WNOHANG` and a short sleep instead of blocking on a semaphore: the caller is a
/// synchronous renderer, and a poll needs no second thread that could outlive the wait.
struct ProcessGroupLeader {
    /// The leader's pid, which is also the group's id.
    let pid: pid_t
    /// The leader's wait status once it has been reaped; nil while it runs (or has not been reaped yet).
    private(set) var status: Int32?

    /// How a wait ended.
    enum Outcome: Equatable {
        /// The leader exited with this status.
        case exited(Int32)
        /// The leader was ended by this signal.
        case signalled(Int32)
        /// The leader was still running at the deadline.
        case timedOut
    }

    /// A spawn that failed, with the `errno` text (no such file, permission denied).
    struct SpawnFailure: Error {
        let reason: String
    }

    /// How often a wait looks again.
    private static let pollInterval = Duration.milliseconds(20)

    /// Starts `path` with `arguments` and `environment` as the leader of a new process group, its standard
    /// streams on `/dev/null`, no other file of ours open, and every signal at its default disposition (the parent may
    /// ignore SIGPIPE).
    ///
    /// Throws the `errno` text of a failed spawn (no such file, not executable).
    static func spawn(_ path: String, arguments: [String], environment: [String: String]) throws(SpawnFailure)
        -> ProcessGroupLeader
    {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        // Group id 0: the child's own pid, so the child leads a new group.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of ours goes along (the history database, the run's lock, files being written): a hung
        // browser would hold them, and a file held open for writing cannot be executed (ETXTBSY).
        closeInheritedFiles(&actions)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        var result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        // ETXTBSY: a process forked elsewhere in this program still holds a just-written file open for writing
        // until it execs; that passes in moments.
        for _ in 0..<50 where result == ETXTBSY {
            pause()
            result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        }
        guard result == 0 else { throw SpawnFailure(reason: String(cString: strerror(result))) }
        return ProcessGroupLeader(pid: pid)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module does not
    /// export; nil on an older C library.
    private static let addCloseFrom:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()

    /// Adds closing every file descriptor from 3 up: with `closefrom`, else each one open now.
    private static func closeInheritedFiles(_ actions: inout posix_spawn_file_actions_t) {
        if let addCloseFrom, addCloseFrom(&actions, 3) == 0 { return }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// Waits until the leader ends or `deadline` passes; other members of the group are not waited for.
    mutating func waitForLeader(until deadline: ContinuousClock.Instant) -> Outcome {
        while true {
            if let outcome = reapLeader() { return outcome }
            if ContinuousClock.now >= deadline { return .timedOut }
            Self.pause()
        }
    }

    /// Stops every process left in the group: SIGTERM, then SIGKILL when some are still there after `grace`, then
    /// waits (at most `grace` again) until none is left. Returns whether the group is gone.
    ///
    /// Only live processes count: an orphaned member that died stays a zombie until init reaps it, and some
    /// container inits never do.
    @discardableResult
    mutating func stopGroup(grace: Duration = .seconds(5)) -> Bool {
        guard isGroupAlive() else { return true }
        kill(-pid, SIGTERM)
        if waitUntilGroupIsGone(until: .now + grace) { return true }
        kill(-pid, SIGKILL)
        return waitUntilGroupIsGone(until: .now + grace)
    }

    /// Polls until no live process of the group is left or `deadline` passes.
    private mutating func waitUntilGroupIsGone(until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            _ = reapLeader()
            if !isGroupAlive() { return true }
            if ContinuousClock.now >= deadline { return false }
            Self.pause()
        }
    }

    /// Reaps the leader if it has ended (once: after that its pid may belong to another process).
    private mutating func reapLeader() -> Outcome? {
        if let status { return Self.outcome(of: status) }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        if result == pid {
            status = raw
            return Self.outcome(of: raw)
        }
        // ECHILD: someone else reaped it; nothing to wait for any more.
        if result < 0, errno == ECHILD {
            status = -1
            return .exited(-1)
        }
        return nil
    }

    /// Whether a live (not zombie) process of the group is left.
    func isGroupAlive() -> Bool {
        if kill(-pid, 0) != 0 { return errno == EPERM }
        return Self.liveMembers(ofGroup: pid) != 0
    }

    /// How many processes of group `group` are running (zombies aside); -1 when `/proc` cannot tell.
    static func liveMembers(ofGroup group: pid_t) -> Int {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return -1 }
        var count = 0
        for entry in entries where entry.first?.isNumber == true {
            // /proc/PID/stat is "PID (COMM) STATE PPID PGRP …"; COMM may hold spaces and parentheses.
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, Int32(fields[2]) == group else { continue }
            if fields[0] != "Z" && fields[0] != "X" { count += 1 }
        }
        return count
    }

    /// `exited(code)` or `signalled(signal)` for a raw wait status.
    private static func outcome(of status: Int32) -> Outcome {
        if status == -1 { return .exited(-1) }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// Sleeps one poll interval.
    private static func pause() {
        var interval = timespec(tv_sec: 0, tv_nsec: Int(pollInterval.components.attoseconds / 1_000_000_000))
        nanosleep(&interval, nil)
    }
}
