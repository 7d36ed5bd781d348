import Foundation

/// TEST HOOK, for the fault campaign (`scripts/fault-campaign.py`, `FaultHookEndToEndTests`):
/// `KAM_FAULT_KILL_AT=<point>:<n>` makes the process kill itself with SIGKILL the n-th time
/// (1-based) it passes the named point, so a test can stop a run exactly between two steps.
/// Without the variable (every real deployment) `reached` does nothing but one dictionary
/// lookup done once per process. Points: `ingest.after-archive`, `ingest.after-commit`,
/// `ingest.after-receipt`, `publish.after-temp`, `publish.after-move-aside`,
/// `publish.after-rename`, `ledger.after-record`, `manifest.after-write`,
/// `delivery.before-handover`, `delivery.after-handover` (around each mail hand-over); and
/// `KAM_FAULT_DROP_CHANGE` (below). `KAM_FAULT_STOP_AT=<point>:<n>` (same points) stops the
/// process with SIGSTOP instead, so a test can look at a live run holding the lock (`kam
/// status` while a run is going on) and then let it go on with SIGCONT.
enum FaultHook {
    private static func target(_ variable: String) -> (point: String, n: Int)? {
        guard let spec = ProcessInfo.processInfo.environment[variable],
              let colon = spec.lastIndex(of: ":"), let n = Int(spec[spec.index(after: colon)...]), n > 0 else { return nil }
        return (String(spec[..<colon]), n)
    }
    private static let killTarget = target("KAM_FAULT_KILL_AT")
    private static let stopTarget = target("KAM_FAULT_STOP_AT")
    nonisolated(unsafe) private static var killPasses = 0
    nonisolated(unsafe) private static var stopPasses = 0

    static func reached(_ point: String) {
        if let stopTarget, stopTarget.point == point {
            stopPasses += 1
            if stopPasses == stopTarget.n { kill(getpid(), SIGSTOP) }
        }
        guard let killTarget, killTarget.point == point else { return }
        killPasses += 1
        if killPasses == killTarget.n { kill(getpid(), SIGKILL) }
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

    /// `KAM_FAULT_LEDGER_FULL=<n>`: recording the n-th delivery of the run (1-based) fails as
    /// SQLite does on a full disk, after the workbook was put in place: what the fault
    /// campaign's "disk full during workbooks" does, at a chosen workbook.
    static func failRecording() throws {
        guard let text = ProcessInfo.processInfo.environment["KAM_FAULT_LEDGER_FULL"], let n = Int(text) else { return }
        recordings += 1
        if recordings == n { throw FileStepError(operation: "record the delivery of", path: "the store", code: ENOSPC) }
    }
    nonisolated(unsafe) private static var recordings = 0

    /// `KAM_FAULT_UNREADABLE=<file name>`: staging that drop file fails as if kam had no read
    /// permission (as root, `chmod 000` does not stop a read, so tests need the hook).
    static func failRead(_ name: String) throws {
        guard let target = ProcessInfo.processInfo.environment["KAM_FAULT_UNREADABLE"], target == name else { return }
        throw DropProblem.Cause.system(operation: "open", EACCES)
    }
}
