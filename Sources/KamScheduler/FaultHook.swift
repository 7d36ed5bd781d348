import Foundation

/// TEST HOOK, for the fault campaign (`scripts/fault-campaign.py`, `FaultHookEndToEndTests`):
/// `KAM_FAULT_KILL_AT=<point>:<n>` makes the process kill itself with SIGKILL the n-th time
/// (1-based) it passes the named point, so a test can stop a run exactly between two steps.
/// Without the variable (every real deployment) `reached` does nothing but one dictionary
/// lookup done once per process. Points: `ingest.after-archive`, `ingest.after-commit`,
/// `ingest.after-receipt`, `publish.after-temp`, `publish.after-move-aside`,
/// `publish.after-rename`, `ledger.after-record`, `manifest.after-write`; and
/// `KAM_FAULT_DROP_CHANGE` (below).
enum FaultHook {
    private static let target: (point: String, n: Int)? = {
        guard let spec = ProcessInfo.processInfo.environment["KAM_FAULT_KILL_AT"],
              let colon = spec.lastIndex(of: ":"), let n = Int(spec[spec.index(after: colon)...]), n > 0 else { return nil }
        return (String(spec[..<colon]), n)
    }()
    nonisolated(unsafe) private static var passes = 0

    static func reached(_ point: String) {
        guard let target, target.point == point else { return }
        passes += 1
        if passes == target.n { kill(getpid(), SIGKILL) }
    }

    /// `KAM_FAULT_DROP_CHANGE=append|remove`: at `ingest.after-stage` (the drop file has just
    /// been copied for reading) the drop file grows by a line, or vanishes — what a clerk's
    /// slow upload or a second clerk's delete does meanwhile.
    static func changeDropFile(_ entry: DropEntry) {
        guard let change = ProcessInfo.processInfo.environment["KAM_FAULT_DROP_CHANGE"] else { return }
        let path = entry.cPath
        if change == "remove" { path.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }; return }
        if change == "append" {
            let fd = path.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_APPEND) }
            guard fd >= 0 else { return }
            _ = write(fd, "\n", 1)
            close(fd)
        }
    }

    /// `KAM_FAULT_UNREADABLE=<file name>`: staging that drop file fails as if kam had no read
    /// permission (as root, `chmod 000` does not stop a read, so tests need the hook).
    static func failRead(_ name: String) throws {
        guard let target = ProcessInfo.processInfo.environment["KAM_FAULT_UNREADABLE"], target == name else { return }
        throw DropProblem.Cause.system(operation: "open", EACCES)
    }
}
