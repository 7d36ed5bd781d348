import Foundation
import Testing
@testable import KamScheduler

/// The reader's one read of a drop file (`DropEntry.copy(to:keepingUpTo:in:)`): the staged copy
/// and the bytes kept in memory must be the same bytes, the reused buffer must never carry a
/// longer earlier file's tail, and a file that grows while it is copied is copied whole and
/// not kept (the caller then reads the staged copy).
@Suite struct DropEntryCopyTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kam-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func entry(_ name: String, in folder: URL) -> DropEntry {
        DropEntry(subsidiary: "HG01", folder: folder, rawName: Array(name.utf8))
    }

    @Test func keptBytesAreTheStagedCopyAndTheReusedBufferHoldsOnlyTheLatestFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Longer than one 1 MiB read, so the copy takes several reads into the buffer.
        let long = Array((0..<(3 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let short = Array("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,1\n".utf8)
        try Data(long).write(to: dir.appendingPathComponent("sales_2026-08.csv"))
        try Data(short).write(to: dir.appendingPathComponent("sales_2026-09.csv"))
        var buffer: [UInt8] = []
        let staged = dir.appendingPathComponent(".incoming-1")
        let first = try entry("sales_2026-08.csv", in: dir).copy(to: staged, keepingUpTo: 16 << 20, in: &buffer)
        #expect(first.kept)
        #expect(buffer == long)
        #expect(try [UInt8](Data(contentsOf: staged)) == long)
        #expect(Int(first.status.st_size) == long.count)
        let second = try entry("sales_2026-09.csv", in: dir).copy(to: staged, keepingUpTo: 16 << 20, in: &buffer)
        #expect(second.kept)
        #expect(buffer == short)
        #expect(try [UInt8](Data(contentsOf: staged)) == short)
    }

    @Test func aFileOverTheLimitIsCopiedWholeAndNotKept() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = Array(repeating: UInt8(ascii: "x"), count: 5000)
        try Data(bytes).write(to: dir.appendingPathComponent("sales_2026-09.csv"))
        var buffer = Array("an earlier file".utf8)
        let staged = dir.appendingPathComponent(".incoming-1")
        let copied = try entry("sales_2026-09.csv", in: dir).copy(to: staged, keepingUpTo: 4999, in: &buffer)
        #expect(!copied.kept)
        #expect(buffer.isEmpty)
        #expect(try [UInt8](Data(contentsOf: staged)) == bytes)
    }

    /// A FIFO has size 0 when opened and then delivers bytes: a file that grew after `open`.
    @Test func aFileThatGrowsWhileCopiedIsCopiedToItsEndAndNotKept() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("sales_2026-09.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let text = Array("date,customer_id,customer_name,amount\n2026-09-01,C1,甲,1\n".utf8)
        let writer = Thread {
            let fd = open(fifo.path, O_WRONLY)
            guard fd >= 0 else { return }
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        var buffer: [UInt8] = []
        let staged = dir.appendingPathComponent(".incoming-1")
        let copied = try entry("sales_2026-09.csv", in: dir).copy(to: staged, keepingUpTo: 16 << 20, in: &buffer)
        #expect(!copied.kept)
        #expect(buffer.isEmpty)
        #expect(try [UInt8](Data(contentsOf: staged)) == text)
    }
}
