import Foundation
import Testing

/// `kam status` while a run holds the lock: the run's unfinished record is the live run
/// ("running (pid N, …)"), not a run that did not finish; a killed run's record still is.
/// Status takes no lock, so it answers while the run is stopped in the middle.
@Suite(.serialized) struct StatusLiveRunEndToEndTests {
    static let asOf = "2026-10-06T07:00"

    static func status(_ ws: URL) throws -> KamBinary.Output {
        try KamBinary.kam("status", "--config", ws.appendingPathComponent("config/kam.yaml").path, "--as-of", asOf)
    }

    /// The process state letter from /proc/<pid>/stat (`T` when stopped).
    static func state(_ pid: Int32) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ").first.map(String.init)
    }

    @Test func aLiveRunIsRunningAndAKilledOneDidNotFinish() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let lockFile = ws.appendingPathComponent("var/kam.lock")
        // Run #1 is killed half-way: its record stays unfinished, and nobody holds the lock.
        let killed = try HostileInputEndToEndTests.run(ws, env: ["KAM_FAULT_KILL_AT": "publish.after-temp:3"])
        #expect(killed.status == -SIGKILL, "\(killed.stderr)")
        let after = try Self.status(ws)
        #expect(after.stdout.contains("#1 started 2026-10-06 07:00") && after.stdout.contains("DID NOT FINISH"), "\(after.stdout)")
        #expect(!after.stdout.contains("running"))

        // Run #2 stops itself (SIGSTOP) between two workbooks, holding the lock.
        let run = Process()
        run.executableURL = KamBinary.url
        run.arguments = ["run", "--config", ws.appendingPathComponent("config/kam.yaml").path, "--as-of", Self.asOf]
        var environment = ProcessInfo.processInfo.environment
        environment["KAM_FAULT_STOP_AT"] = "publish.after-temp:2"
        run.environment = environment
        run.standardOutput = FileHandle.nullDevice
        run.standardError = FileHandle.nullDevice
        try run.run()
        let pid = run.processIdentifier
        defer {
            if run.isRunning {
                kill(pid, SIGKILL)
                kill(pid, SIGCONT)
            }
        }
        #expect(DaemonEndToEndTests.waitFor(60) { Self.state(pid) == "T" }, "the run stops at its second workbook")
        #expect((try? String(contentsOf: lockFile, encoding: .utf8)) == "\(pid)\nrun 2\n")

        let live = try Self.status(ws)
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("#2 as of 2026-10-06 07:00: running (pid \(pid), started 2026-10-06 07:00)"), "\(live.stdout)")
        #expect(live.stdout.contains("#1 started 2026-10-06 07:00") && live.stdout.contains("DID NOT FINISH"), "\(live.stdout)")
        #expect(live.stdout.components(separatedBy: "DID NOT FINISH").count == 2, "only #1 did not finish: \(live.stdout)")
        #expect(Self.state(pid) == "T", "status did not disturb the run")

        kill(pid, SIGCONT)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        let done = try Self.status(ws)
        #expect(done.stdout.contains("#2 started 2026-10-06 07:00") && !done.stdout.contains("running"), "\(done.stdout)")
        #expect(done.stdout.contains("pending job instances (due, not delivered): 0"))
    }

    /// Another process holds the lock (an ingest, or anything with flock): status names its pid
    /// and does not pin it on the last unfinished record.
    @Test func aLockHeldWithoutARunRecordIsNamedByPid() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let killed = try HostileInputEndToEndTests.run(ws, env: ["KAM_FAULT_KILL_AT": "publish.after-temp:1"])
        #expect(killed.status == -SIGKILL)
        let lockFile = ws.appendingPathComponent("var/kam.lock").path
        let holder = Process()
        holder.executableURL = HostileInputEndToEndTests.python
        holder.arguments = ["-c", """
            import fcntl, sys, time
            f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); print("locked", flush=True); time.sleep(60)
            """, lockFile]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        #expect(String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).contains("locked"))

        let r = try Self.status(ws)
        #expect(r.stdout.contains("running now: pid \(holder.processIdentifier) holds the run lock"), "\(r.stdout)")
        #expect(r.stdout.contains("DID NOT FINISH"), "the killed run's record is still one: \(r.stdout)")
        // A run meanwhile waits, then says who holds the lock; status itself never blocked it.
        let blocked = try KamBinary.kam("run", "--config", ws.appendingPathComponent("config/kam.yaml").path,
                                        "--as-of", Self.asOf, "--wait", "0")
        #expect(blocked.status == 3)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let free = try Self.status(ws)
        #expect(!free.stdout.contains("running"), "\(free.stdout)")
    }
}
