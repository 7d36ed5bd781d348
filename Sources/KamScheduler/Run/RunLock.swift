import Foundation

/// One run at a time: cron, the daemon and a person at the terminal may start kam together.
/// An exclusive `flock` on `<data>/kam.lock`, which the kernel releases if the holder dies,
/// so a killed run never leaves a stale lock. The holder writes its pid for the message.
public final class RunLock {
    /// Another run holds the lock; `pid` is the holder's, when it could be read.
    public struct Held: Error, CustomStringConvertible {
        public let pid: String
        public let path: String
        public var description: String {
            "another kam run (pid \(pid)) holds the lock \(path); try again when it has finished"
        }
    }

    /// The lock file cannot be opened (a read-only or full data folder, wrong owner): the run
    /// stops before touching anything, saying why in the system's words.
    public struct Unavailable: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String {
            "cannot open the run lock \(path): \(reason); the data folder must be writable by kam"
        }
    }

    private let fd: Int32

    /// Takes the lock, waiting up to `wait` seconds.
    public init(path: String, wait: Double) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Unavailable(path: path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(max(wait, 0))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date() >= deadline {
                let holder = Self.recorded(path).pid
                close(fd)
                throw Held(pid: holder.isEmpty ? "?" : holder, path: path)
            }
            usleep(100_000)
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Adds the run log's id of the run holding the lock to the file (`<pid>\nrun <id>\n`), so
    /// that `kam status` can tell the live run's unfinished record from one a killed run left.
    /// Written over the pid line and then cut to length: a reader never sees an empty file.
    public func record(runId: Int64) {
        let text = Array("\(getpid())\nrun \(runId)\n".utf8)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        ftruncate(fd, off_t(text.count))
    }

    /// What the holder wrote in the lock file: its pid, and the run id once it has one.
    static func recorded(_ path: String) -> (pid: String, runId: Int64?) {
        let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n")
        let pid = lines.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let runId = lines.dropFirst().first { $0.hasPrefix("run ") }.flatMap { Int64($0.dropFirst(4)) }
        return (pid, runId)
    }

    /// A process holding the run lock, as `kam status` sees it.
    public struct Holder: Sendable, Equatable {
        /// The holder's pid, or "?" when it cannot be known.
        public let pid: String
        /// The run log id of the holder's run; nil for `kam ingest` (which records no run) or a
        /// run that has not recorded itself yet.
        public let runId: Int64?
    }

    /// Who holds the lock at `path` now, or nil; takes no lock and creates nothing.
    ///
    /// Read from `/proc/locks` (the kernel's table of every flock: type, pid, device and inode),
    /// not by trying the lock: a probe that took the lock even for a moment would make a `kam run
    /// --wait 0` starting at that instant give up with exit 3, and the daemon skip a cycle, so a
    /// status command could cause the failure it reports. An entry counts when its inode is the
    /// lock file's and either its device is too or its pid is the one the holder wrote in the
    /// file (an overlay file system reports a different device through stat than through
    /// /proc/locks). Where /proc/locks cannot be read (not Linux), a non-blocking shared flock on
    /// a separate read-only descriptor, released at once, answers instead.
    public static func holder(path: String) -> Holder? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let written = recorded(path)
        let holding: String?
        if let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) {
            holding = flockHolder(in: table, device: UInt64(st.st_dev), inode: UInt64(st.st_ino), writtenPid: written.pid)
        } else {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            if flock(fd, LOCK_SH | LOCK_NB) == 0 {
                flock(fd, LOCK_UN)
                holding = nil
            } else {
                holding = written.pid.isEmpty ? "?" : written.pid
            }
        }
        guard let holding else { return nil }
        return Holder(pid: holding, runId: holding == written.pid ? written.runId : nil)
    }

    /// The pid of the exclusive flock on (device, inode) in a `/proc/locks` text, or nil.
    /// Lines read `1: FLOCK  ADVISORY  WRITE 2870 fd:01:1053230 0 EOF` (device major:minor in
    /// hex, inode in decimal); a waiter's line has `->` after the number and holds nothing.
    static func flockHolder(in table: String, device: UInt64, inode: UInt64, writtenPid: String) -> String? {
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        for line in table.split(separator: "\n") {
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 6, f[1] == "FLOCK", f[3] == "WRITE" else { continue }
            let id = f[5].split(separator: ":")
            guard id.count == 3, UInt64(id[2]) == inode else { continue }
            let pid = String(f[4])
            if (UInt64(id[0], radix: 16) == major && UInt64(id[1], radix: 16) == minor) || pid == writtenPid { return pid }
        }
        return nil
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
