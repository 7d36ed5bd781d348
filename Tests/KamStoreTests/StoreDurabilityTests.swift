import Foundation
import GRDB
import Testing
@testable import KamStore

/// The store on disk is WAL with FULL synchronous (a committed file survives a power cut) and
/// 0600, its log and shared-memory files included.
@Suite struct StoreDurabilityTests {
    @Test func walWithFullSynchronousAndPrivateFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kam.sqlite").path
        let store = try KamStore(path: path)
        let (mode, synchronous) = try store.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2, "FULL")
        let reading = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(reading == 2)
        for name in ["kam.sqlite", "kam.sqlite-wal", "kam.sqlite-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
    }
}
