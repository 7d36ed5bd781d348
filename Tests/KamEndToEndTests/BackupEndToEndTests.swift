import Foundation
import Testing

/// `kam backup` while a run is writing, and a restore from it that the next run continues.
@Suite struct BackupEndToEndTests {
    static func integrity(_ path: String) throws -> String {
        try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("PRAGMA integrity_check").fetchone()[0], db.execute("SELECT COUNT(*) FROM submission").fetchone()[0])
            """, path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aBackupTakenDuringARunIsConsistentAndARestoreContinues() throws {
        let ws = try LedgerEndToEndTests.demo()
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let during = ws.appendingPathComponent("backup-during")
        let run = Process()
        run.executableURL = KamBinary.url
        run.arguments = ["run", "--config", config, "--as-of", "2026-11-22T08:00"]
        run.standardOutput = FileHandle.nullDevice
        try run.run()
        Thread.sleep(forTimeInterval: 1.0)
        let b = try KamBinary.kam("backup", during.path, "--config", config)
        #expect(b.status == 0, "\(b.stderr)")
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        #expect(try Self.integrity(during.appendingPathComponent("kam.sqlite").path).hasPrefix("ok "))
        let mode = try FileManager.default.attributesOfItem(atPath: during.appendingPathComponent("kam.sqlite").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // After the run: back up, lose the store, restore as README says, and the next run has nothing to do.
        let after = ws.appendingPathComponent("backup-after")
        #expect(try KamBinary.kam("backup", after.path, "--config", config).status == 0)
        let store = ws.appendingPathComponent("var/kam.sqlite")
        try FileManager.default.removeItem(at: store)
        try FileManager.default.copyItem(at: after.appendingPathComponent("kam.sqlite"), to: store)
        let again = try KamBinary.kam("run", "--config", config, "--as-of", "2026-11-22T08:00")
        #expect(again.status == 0)
        #expect(again.stdout.contains("delivered: 0 workbook(s)"), "\(again.stdout)")
    }

    /// Backup while `kam daemon` runs (it holds no lock between runs and may be mid-run), then a
    /// full restore as README says — store and archive — on a fresh copy of the workspace: the
    /// restored archive holds every accepted file's bytes, and the next run has nothing to do.
    @Test func aBackupWhileTheDaemonRunsRestoresStoreAndArchive() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let daemon = Process()
        daemon.executableURL = KamBinary.url
        daemon.arguments = ["daemon", "--config", config, "--poll", "0.3", "--verbose"]
        let log = ws.appendingPathComponent("daemon.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = try FileHandle(forWritingTo: log)
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) } }
        let store = ws.appendingPathComponent("var/kam.sqlite")
        #expect(DaemonEndToEndTests.waitFor(60) { FileManager.default.fileExists(atPath: store.path) })
        // Taken while the daemon is up (the first catch-up run may still be writing).
        let backup = ws.appendingPathComponent("backup")
        let b = try KamBinary.kam("backup", backup.path, "--config", config)
        #expect(b.status == 0, "\(b.stderr)")
        #expect(try Self.integrity(backup.appendingPathComponent("kam.sqlite").path).hasPrefix("ok "))
        // Let the daemon finish its catch-up, stop it, then take the backup the restore uses.
        #expect(DaemonEndToEndTests.waitFor(120) { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("sleeping") })
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        let final = ws.appendingPathComponent("backup-final")
        #expect(try KamBinary.kam("backup", final.path, "--config", config).status == 0)
        // Restore: lose var/ entirely, copy the store (0600) and the archive back.
        let fm = FileManager.default
        try fm.removeItem(at: ws.appendingPathComponent("var"))
        try fm.createDirectory(at: ws.appendingPathComponent("var"), withIntermediateDirectories: true)
        try fm.copyItem(at: final.appendingPathComponent("kam.sqlite"), to: store)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: store.path)
        try fm.copyItem(at: final.appendingPathComponent("archive"), to: ws.appendingPathComponent("var/archive"))
        let archived = try KamBinary.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
            import os, sqlite3, sys
            db = sqlite3.connect(sys.argv[1] + "/kam.sqlite")
            rows = db.execute("select archivePath from submission where status = 'accepted'").fetchall()
            print(len(rows), sum(os.path.exists(sys.argv[1] + "/" + p) for (p,) in rows))
            """, ws.appendingPathComponent("var").path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let counts = archived.split(separator: " ")
        #expect(counts.count == 2 && counts[0] == counts[1] && counts[0] != "0", "every accepted file's bytes restored: \(archived)")
        let again = try KamBinary.kam("run", "--config", config)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("delivered: 0 workbook(s)"), "\(again.stdout)")
    }
}
