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
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
                close(fd)
                throw Held(pid: holder.isEmpty ? "?" : holder, path: path)
            }
            usleep(100_000)
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
