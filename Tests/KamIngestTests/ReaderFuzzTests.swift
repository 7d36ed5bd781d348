import Foundation
import SeededRandom
import Testing
@testable import KamIngest
@testable import KamPolicy

/// Arbitrary bytes through the reader of every kind: random bytes, and the fixtures with
/// random mutations (flipped bytes, inserted quotes, separators, CR/LF, NUL, cut-off
/// multibyte sequences, duplicated spans). No input may crash or hang the reader, and the
/// counts it reports must be consistent. The seed is fixed, so a failure reproduces;
/// `KAM_FUZZ_COUNT` raises the count for a long run (BENCHMARKS.md).
@Suite struct ReaderFuzzTests {
    static let names = ["sales_2026-09.csv", "sales_2026Q3.csv", "receivables_2026Q3.csv", "customers_2026Q3.csv",
                        "visits_2026Q3.csv", "approvals_2026Q3.csv"]
    static let interesting: [[UInt8]] = [[0x22], [0x2C], [0x3B], [0x09], [0x0D], [0x0A], [0x0D, 0x0A], [0x00], [0xEF, 0xBB, 0xBF],
                                         [0xE4, 0xB8], [0xC2, 0xA5], [0xEF, 0xBC, 0x88], [0x81, 0x30], [0xFF], [0x22, 0x22],
                                         Array("1,234.50".utf8), Array("2026-09-30 00:00".utf8), Array("1.23E+17".utf8)]

    static func fixtures() -> [[UInt8]] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".csv") }.sorted()
            .compactMap { try? [UInt8](Data(contentsOf: folder.appendingPathComponent($0))) }
    }

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + Int(rng.next() % 6)) {
            let at = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count + 1))
            switch rng.next() % 5 {
            case 0 where !b.isEmpty && at < b.count: b[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: b.insert(contentsOf: interesting[Int(rng.next() % UInt64(interesting.count))], at: at)
            case 2 where at < b.count: b.removeSubrange(at..<min(b.count, at + 1 + Int(rng.next() % 8)))
            case 3 where at < b.count:
                let span = b[at..<min(b.count, at + 1 + Int(rng.next() % 32))]
                b.insert(contentsOf: span, at: Int(rng.next() % UInt64(b.count + 1)))
            default: b = Array(b.prefix(at))
            }
        }
        return b
    }

    static func random(_ rng: inout SplitMix64) -> [UInt8] {
        let count = Int(rng.next() % 300)
        if rng.next() % 2 == 0 { return (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) } }
        // Mostly structure: separators, quotes, newlines, digits, CJK bytes.
        let alphabet = Array("\",;\t\r\n0123456789.-()¥￥日期客户 E".utf8)
        return (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }

    /// Runs `count` inputs; returns how many were read.
    static func run(count: Int, seed: UInt64) -> Int {
        var rng = SplitMix64(seed: seed)
        let corpus = fixtures()
        var ran = 0
        for i in 0..<count {
            let bytes = i % 3 == 0 || corpus.isEmpty ? random(&rng) : mutate(corpus[Int(rng.next() % UInt64(corpus.count))], &rng)
            for name in names {
                let encoding = EncodingChoice.allCases[Int(rng.next() % 3)]
                let f = CheckedFile.read(bytes, fileName: name, settings: ReadSettings(encoding: encoding, maxBadRows: 1))
                // Consistency that must hold for any input.
                #expect(f.check.problemCount >= f.check.diagnostics.count)
                #expect(f.check.diagnostics.count <= FileCheck.diagnosticLimit)
                #expect(f.check.badRows <= f.check.problemCount)
                if f.check.fileRejected { #expect(!f.isAccepted(maxBadRows: 1)) }
                if case .sales(let s)? = f.records {
                    #expect(s.months.values.reduce(0) { $0 + $1.sales } == s.amountTotal)
                    #expect(s.months.values.reduce(0) { $0 + $1.lines } == f.check.acceptedRows || f.check.fileRejected)
                }
                ran += 1
            }
        }
        return ran
    }

    @Test func arbitraryBytesNeverCrashOrHang() {
        let count = ProcessInfo.processInfo.environment["KAM_FUZZ_COUNT"].flatMap(Int.init) ?? 1_000
        let started = Date()
        let ran = Self.run(count: count, seed: 0x6B61_6D21)
        let seconds = Date().timeIntervalSince(started)
        #expect(ran == count * Self.names.count)
        if count > 1_000 { print("fuzz: \(ran) reads of \(count) inputs in \(String(format: "%.1f", seconds)) s") }
    }
}
