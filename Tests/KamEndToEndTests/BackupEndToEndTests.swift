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
}
