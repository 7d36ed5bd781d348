import Foundation
import SeededRandom
import Testing
@testable import KamIngest

@Suite struct FileDigestTests {
    /// The streamed file digest equals the digest of the same bytes in memory, at the sizes
    /// where the 1 MiB read buffer and the 64-byte blocks meet or split.
    @Test func fileAndMemoryDigestsAgree() throws {
        var rng = SplitMix64(seed: 7)
        for size in [0, 1, 55, 56, 63, 64, 65, 1_000, (1 << 20) - 1, 1 << 20, (1 << 20) + 77, 3 << 20] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("kam-digest-\(UUID().uuidString)")
            try Data(bytes).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(try SHA256.hex(fileAt: url.path) == SHA256.hex(bytes), "size \(size)")
        }
        #expect(try SHA256.hex(fileAt: "/dev/null") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// The checksums kam wrote with its own SHA-256 before issue 21, pinned: the same bytes must
    /// keep the same archive name, receipt and manifest entry. The file is SplitMix64 seed 21,
    /// 2,000,003 bytes (digest from the hand-written FIPS 180-4 and from `sha256sum`).
    @Test func digestsBeforeTheLibraryAreKept() throws {
        var rng = SplitMix64(seed: 21)
        let bytes = (0..<2_000_003).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kam-digest-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let pinned = "f50a530a0f4bfa4433ab2a03504fdd44bc28aa23996e693763c776dfdb89dc41"
        #expect(SHA256.hex(bytes) == pinned)
        #expect(try SHA256.hex(fileAt: url.path) == pinned)
    }

    /// A file that cannot be read says which file and why, as before.
    @Test func unreadableFileNamesThePath() {
        #expect(throws: ByteSourceFailure.self) { try SHA256.hex(fileAt: "/nonexistent/kam-digest") }
    }
}
