import Foundation
import Testing
@testable import KamScheduler

/// The portal writes an upload to `.portal-upload-<random>.part` in the drop folder before it links
/// it to its final name (issue 19): the ingest must never read that temporary file, or a run racing
/// an upload could read half of it.
@Suite struct PortalUploadNameTests {
    @Test func theIngestSkipsThePortalsTemporaryUploadAndReadsTheLinkedFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-upload-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let temp = folder.appendingPathComponent(".portal-upload-0123456789abcdef.part")
        try Data("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,1\n".utf8).write(to: temp)
        #expect(DropEntryGuard.entryVerdict(DropEntry(subsidiary: "HG01", folder: folder, rawName: Array(temp.lastPathComponent.utf8))) == .skip)
        #expect(link(temp.path, folder.appendingPathComponent("sales_2026-09.csv").path) == 0)
        #expect(DropEntryGuard.entryVerdict(DropEntry(subsidiary: "HG01", folder: folder, rawName: Array("sales_2026-09.csv".utf8))) == .read)
    }
}
