import Foundation

/// TEST HOOK, for the fault campaign (`scripts/fault-campaign.py`, `FaultHookEndToEndTests`):
/// `KAM_FAULT_KILL_AT=<point>:<n>` makes the process kill itself with SIGKILL the n-th time
/// (1-based) it passes the named point, so a test can stop a run exactly between two steps.
/// Without the variable (every real deployment) `reached` does nothing but one dictionary
/// lookup done once per process. Points: `ingest.after-archive`, `ingest.after-commit`,
/// `ingest.after-receipt`, `publish.after-temp`, `publish.after-move-aside`,
/// `publish.after-rename`, `ledger.after-record`, `manifest.after-write`; and
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
    static func changeDropFile(_ url: URL) {
        guard let change = ProcessInfo.processInfo.environment["KAM_FAULT_DROP_CHANGE"] else { return }
        if change == "remove" { unlink(url.path); return }
        if change == "append", let h = FileHandle(forWritingAtPath: url.path) {
            h.seekToEndOfFile()
            h.write(Data("\n".utf8))
            try? h.close()
        }
    }
}
