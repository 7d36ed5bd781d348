import Foundation
import Testing

/// A store that is not a kam store (overwritten, another program's database): every command
/// that opens it names the file, says what is wrong and how to restore from a backup, exits
/// non-zero, and changes nothing under reports/ or drop/ (nor the damaged file itself).
@Suite(.serialized) struct DamagedStoreEndToEndTests {
    /// Bytes no SQLite file starts with, the same every run (a fixed linear congruential sequence).
    static func noise(_ count: Int) -> Data {
        var x: UInt32 = 0x1234_5678
        return Data((0..<count).map { _ in
            x = x &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: x >> 24)
        })
    }

    static func everyStoreCommand(_ ws: URL) throws -> [(String, KamBinary.Output)] {
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let asOf = "2026-10-08T07:00"
        return [
            ("run", try KamBinary.kam("run", "--config", config, "--as-of", asOf)),
            ("report", try KamBinary.kam("report", "sales-report", "--period", "2026Q3", "--config", config, "--as-of", asOf)),
            ("ingest", try KamBinary.kam("ingest", "--config", config, "--as-of", asOf)),
            ("status", try KamBinary.kam("status", "--config", config, "--as-of", asOf)),
            ("schedule", try KamBinary.kam("schedule", "--config", config, "--as-of", asOf)),
            ("backup", try KamBinary.kam("backup", ws.appendingPathComponent("backup-now").path, "--config", config)),
            // The daemon stops rather than retry forever; `timeout` turns a hang into exit 124.
            ("daemon", try KamBinary.run(URL(fileURLWithPath: "/usr/bin/timeout"),
                                         ["30", KamBinary.url.path, "daemon", "--config", config, "--poll", "1"])),
        ]
    }

    @Test func aStoreOverwrittenWithRandomBytesIsNamedWithTheWayBackAndNothingChanges() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let store = ws.appendingPathComponent("var/kam.sqlite")
        let fm = FileManager.default
        #expect(try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00").status == 0)
        let backup = ws.appendingPathComponent("backup")
        #expect(try KamBinary.kam("backup", backup.path, "--config", config).status == 0)
        // A file waiting to be read, which must stay waiting.
        try HostileInputEndToEndTests.write(HostileInputEndToEndTests.hg01Sales, ws, "drop/HG01/sales_2026Q3.csv")
        try Self.noise(256 * 1024).write(to: store)
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: store.path + suffix) }
        let reports = try KamBinary.digests(ws.appendingPathComponent("reports"))
        let drop = try KamBinary.digests(ws.appendingPathComponent("drop"))

        for (command, r) in try Self.everyStoreCommand(ws) {
            #expect(r.status != 0 && r.status != 124, "\(command): \(r.status)")
            #expect(r.stderr.contains("the store \(store.path) is not a kam store or is damaged (SQLite: file is not a database)"),
                    "\(command): \(r.stderr)")
            #expect(r.stderr.contains("nothing under reports/ or drop/ was changed"), "\(command)")
            #expect(r.stderr.contains("`kam backup DIR`") && r.stderr.contains("remove \(store.path)-wal and \(store.path)-shm")
                    && r.stderr.contains("copy DIR/kam.sqlite to \(store.path) (mode 0600)"), "\(command): \(r.stderr)")
        }
        #expect(try KamBinary.digests(ws.appendingPathComponent("reports")) == reports)
        #expect(try KamBinary.digests(ws.appendingPathComponent("drop")) == drop)
        #expect(try Data(contentsOf: store) == Self.noise(256 * 1024), "the damaged file is left as it was, for inspection")
        #expect(!fm.fileExists(atPath: ws.appendingPathComponent("backup-now/kam.sqlite").path))

        // The way back the message gives works: the restored ledger knows the delivered workbooks.
        try fm.removeItem(at: store)
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: store.path + suffix) }
        try fm.copyItem(at: backup.appendingPathComponent("kam.sqlite"), to: store)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: store.path)
        let status = try KamBinary.kam("status", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(status.status == 0 && status.stdout.contains("pending job instances (due, not delivered): 0"), "\(status.stdout)")
        let again = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("1 accepted"), "the waiting file is read now: \(again.stdout)")
    }

    @Test func anotherProgramsDatabaseIsNotTakenForTheStore() throws {
        let ws = try KamBinary.workspace("small")
        defer { try? FileManager.default.removeItem(at: ws) }
        let config = ws.appendingPathComponent("config/kam.yaml").path
        let store = ws.appendingPathComponent("var/kam.sqlite")
        try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try KamBinary.run(HostileInputEndToEndTests.python, ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("create table invoices (id integer, amount integer)"); db.commit()
            """, store.path])
        let before = try Data(contentsOf: store)
        let r = try KamBinary.kam("run", "--config", config, "--as-of", "2026-10-06T07:00")
        #expect(r.status != 0)
        #expect(r.stderr.contains("the store \(store.path) is not a kam store or is damaged (an SQLite database without kam's tables: invoices)"),
                "\(r.stderr)")
        #expect(try Data(contentsOf: store) == before, "no kam table was added to it")
        #expect(!FileManager.default.fileExists(atPath: ws.appendingPathComponent("reports").path))
        #expect(FileManager.default.fileExists(atPath: ws.appendingPathComponent("drop/YY01/sales_2026-09.csv").path))
    }
}
