import Foundation
import Testing
@testable import KamIngest

@Suite struct FileDigestTests {
    @Test func systemAndPortableDigestsAgreeOnFiles() throws {
        var rng = SplitMix(seed: 7)
        for size in [0, 1, 55, 56, 63, 64, 65, 1_000, (1 << 20) - 1, 1 << 20, (1 << 20) + 77] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("kam-digest-\(UUID().uuidString)")
            try Data(bytes).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let portable = try SHA256.hex(fileAt: url.path, preferSystem: false)
            #expect(portable == SHA256.hex(bytes))
            #expect(try SHA256.hex(fileAt: url.path) == portable, "size \(size)")
        }
        #expect(try SHA256.hex(fileAt: "/dev/null", preferSystem: false) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
