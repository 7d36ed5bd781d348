import Foundation
import Testing
@testable import KamIngest
@testable import KamPolicy

/// The faster paths of the ingest must read exactly as the plain rules do: trimming by bytes
/// against trimming by `Character`, the sales reader's one GB18030 conversion against
/// converting once to check and once to parse, and the storing order of the aggregates.
@Suite struct SinglePassReadingTests {
    static let alphabet: [String] = [" ", "\t", "\u{3000}", "\u{00A0}", "\u{301}", "\u{600}", "\u{200D}", "a", "中", "1", "\r\n",
                                     "\r", "\n", "é", "e", ",", "\u{FE0F}", "👍"]

    @Test func trimmingByBytesAgreesWithTrimmingByCharacter() {
        var rng = SplitMix(seed: 7_2026)
        for _ in 0..<60_000 {
            let length = Int(rng.next() % 7)
            let s = (0..<length).map { _ in Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] }.joined()
            #expect(s.trimmingSpaces == String(Substring(s).trimmingSpaceCharacters), "\(s.debugDescription)")
            #expect(Array(s.trimmingSpaces.utf8) == Array(Substring(s).trimmingSpaceCharacters.utf8), "\(s.debugDescription)")
            let sub = Substring(s)
            #expect(Array(sub.trimmingSpaces.utf8) == Array(sub.trimmingSpaceCharacters.utf8), "\(s.debugDescription)")
        }
    }

    let september = Period.month(YearMonth(year: 2026, month: 9))

    /// What the reader reports when the file is converted whole before any row is read.
    func checkedFirst(_ bytes: [UInt8]) -> FileCheck {
        var source = MemoryByteSource(bytes)
        var check = FileCheck()
        _ = try? InputFileReader(kind: .sales, settings: ReadSettings()).stream(&source, check: &check, decodeFirst: true) { _, _, _ in [] }
        return check
    }

    @Test func oneGB18030ConversionReportsWhatCheckingFirstDoes() {
        var body = "日期,客户编码,客户名称,金额\r\n"
        for i in 0..<3_000 { body += "2026-09-\(10 + i % 20),C\(i % 97),华东化工\(i),\(i).50\r\n" }
        let good = GB18030.encode(body)
        let badHeader = GB18030.encode("日期,客户名称\r\n2026-09-01,甲\r\n")
        let cases: [(String, [UInt8])] = [
            ("valid", good),
            ("bad byte at the end", good + [0xFF, 0x0D, 0x0A]),
            ("bad byte in the middle", Array(good[0..<40_000]) + [0x81, 0x0A] + Array(good[40_000...])),
            ("bad byte in the header", [0x81, 0x20] + good),
            ("bad header, bad byte later", badHeader + [0xFF]),
            ("bad header", badHeader),
            ("unterminated quote, bad byte later", GB18030.encode("日期,客户编码,客户名称,金额\r\n2026-09-01,C1,\"甲") + [0xFF]),
        ]
        for (label, bytes) in cases {
            let expected = checkedFirst(bytes)
            let f = SalesFile.read(bytes, period: september, settings: ReadSettings())
            #expect(f.check.diagnostics == expected.diagnostics, "\(label)")
            #expect(f.check.acceptedRows == expected.acceptedRows && f.check.badRows == expected.badRows, "\(label)")
            #expect(f.check.encoding == expected.encoding && f.check.fileRejected == expected.fileRejected, "\(label)")
            #expect(f.check.problemCount == expected.problemCount && f.check.warnings == expected.warnings, "\(label)")
            if expected.diagnostics.contains(where: { $0.reason.contains("无法按") }) {
                #expect(f.months.isEmpty && f.orderedMonths.isEmpty && f.amountTotal == 0 && !f.hasCostColumn, "\(label)")
            }
        }
    }

    @Test func aggregatesAreListedInKeyOrderWithMergedFormsOnce() {
        let text = "date,customer_id,customer_name,amount\n2026-09-01,Zé,a,1\n2026-09-02,B1,b,2\n2026-09-03,Ze\u{301},c,3\n2026-09-04,A9,d,4\n2026-08-01,B1,e,5\n"
        let f = SalesFile.read(Array(text.utf8), period: Period.quarter(year: 2026, quarter: 3), settings: ReadSettings())
        #expect(f.months.count == 4)
        #expect(f.orderedMonths.count == f.months.count)
        for (key, figures) in f.orderedMonths { #expect(f.months[key] == figures) }
        let ids = f.orderedMonths.map { Array($0.key.customerID.utf8) }
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) || $0 == $1 })
        // The merged id keeps its first-seen form and both lines.
        let merged = f.orderedMonths.first { $0.key.customerID == "Zé" }
        #expect(merged.map { Array($0.key.customerID.utf8) } == Array("Zé".utf8))
        #expect(merged?.figures.sales == 400 && merged?.figures.latestName == "c")
        #expect(f.orderedMonths.map(\.key.month.index) == f.orderedMonths.sorted {
            Array($0.key.customerID.utf8).lexicographicallyPrecedes(Array($1.key.customerID.utf8))
                || (Array($0.key.customerID.utf8) == Array($1.key.customerID.utf8) && $0.key.month.index < $1.key.month.index)
        }.map(\.key.month.index))
    }
}

/// `UTF8Scan` against the plain per-byte form it had before its ASCII and CJK fast paths.
@Suite struct UTF8ScanDifferentialTests {
    static func reference(_ p: UnsafeBufferPointer<UInt8>, final: Bool) -> UTF8Scan.Outcome {
        guard let base = p.baseAddress else { return .valid(consumed: 0) }
        let n = p.count
        var i = 0
        while i < n {
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid(at: i)
            }
            if i + length > n {
                if final { return .invalid(at: i) }
                if i + 1 < n, !(base[i + 1] >= lower && base[i + 1] <= upper) { return .invalid(at: i) }
                if i + 2 < n, base[i + 2] & 0xC0 != 0x80 { return .invalid(at: i) }
                return .valid(consumed: i)
            }
            let second = base[i + 1]
            guard second >= lower && second <= upper else { return .invalid(at: i) }
            var k = 2
            while k < length {
                if base[i + k] & 0xC0 != 0x80 { return .invalid(at: i) }
                k += 1
            }
            i += length
        }
        return .valid(consumed: n)
    }

    static func same(_ a: UTF8Scan.Outcome, _ b: UTF8Scan.Outcome) -> Bool {
        switch (a, b) {
        case (.valid(let x), .valid(let y)), (.invalid(let x), .invalid(let y)): x == y
        default: false
        }
    }

    /// A chunk whose last 32 bytes are ASCII ends the 32-byte run exactly at its end; the scan
    /// then read the byte after the chunk, and a stale byte ≥ 0x80 there made a valid UTF-8
    /// file of 631 MB "invalid at 298 MiB" — read as GB18030, garbling every name (issue 13).
    @Test func theScanNeverReadsPastItsBuffer() {
        for length in [32, 64, 96, 1 << 20] {
            for tail: [UInt8] in [[0xFF], [0x80], [0xE4, 0xB8], [0xC0]] {
                // CJK text, then ASCII up to a multiple of 32, then bytes that are not the chunk's.
                var bytes = Array(String(repeating: "中", count: length / 96).utf8)
                bytes += [UInt8](repeating: UInt8(ascii: "a"), count: length - bytes.count)
                bytes += tail
                bytes.withUnsafeBufferPointer { all in
                    let chunk = UnsafeBufferPointer(rebasing: all[0..<length])
                    for final in [true, false] {
                        #expect(Self.same(UTF8Scan.scan(chunk, final: final), .valid(consumed: length)), "\(length) \(tail) \(final)")
                    }
                }
            }
        }
    }

    @Test func aLargeUTF8FileOnDiskIsUTF8() throws {
        // 3 MiB of CJK lines whose chunk boundaries fall after ASCII runs, the shape that failed.
        var text = "日期,客户编码,客户名称,金额\n"
        var i = 0
        while text.utf8.count < 3 << 20 { text += "2026-09-\(10 + i % 19),C\(i % 5000),客户\(i % 5000)有限公司,\(i % 1000).50\n"; i += 1 }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kam-utf8-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        // Put stale non-UTF-8 bytes where the survey's buffer ends: shift every chunk boundary across a line.
        for shift in 0..<8 {
            let shifted = String(repeating: "a", count: shift) + text
            try Data(shifted.utf8).write(to: URL(fileURLWithPath: path))
            var source = try FileByteSource(path: path)
            let survey = try FileSurvey.survey(&source)
            #expect(survey.firstInvalidUTF8 == nil, "shift \(shift): \(String(describing: survey.firstInvalidUTF8))")
        }
    }

    /// Bytes in memory are surveyed whole (no chunk buffer): every answer must be the one the
    /// chunked survey of the same bytes on disk gives, across its 1 MiB chunk edges too.
    @Test func theWholeBufferSurveyAgreesWithTheChunkedOne() throws {
        let mib = 1 << 20
        let line = Array("2026-09-30,C1,客户有限公司,1.50\n".utf8)
        func lines(_ count: Int) -> [UInt8] { var b: [UInt8] = []; while b.count < count { b += line }; return b }
        let big = lines(mib + 300)
        var cut = lines(mib - 1); cut += Array("中".utf8) + lines(100)
        let cases: [[UInt8]] = [
            [], Array(" \r\n\t ".utf8), [0xEF, 0xBB], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF] + lines(5000),
            Array("a\0b".utf8), lines(9000) + [0] + lines(10), big + [0] + lines(10),
            lines(100) + [0xFF] + lines(100), big + [0xB8, 0xC4] + lines(100), cut, Array(cut.dropLast(101)),
            [0xEF, 0xBB, 0xBF, 0xC0, 0xAF], Array(big.prefix(mib)) + [0xE4, 0xB8], [0xC8, 0xD5, 0xC6, 0xDA, 0x2C] + lines(200),
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kam-survey-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (i, bytes) in cases.enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var file = try FileByteSource(path: path)
            let chunked = try FileSurvey.survey(&file)
            var memory = MemoryByteSource(bytes)
            let whole = try FileSurvey.survey(&memory)
            #expect(whole.byteCount == chunked.byteCount, "case \(i)")
            #expect(whole.blank == chunked.blank, "case \(i)")
            #expect(whole.binary == chunked.binary, "case \(i)")
            #expect(whole.containsNUL == chunked.containsNUL, "case \(i)")
            #expect(whole.startsWithBOM == chunked.startsWithBOM, "case \(i)")
            #expect(whole.firstInvalidUTF8 == chunked.firstInvalidUTF8, "case \(i): \(String(describing: whole.firstInvalidUTF8)) \(String(describing: chunked.firstInvalidUTF8))")
        }
    }

    @Test func fastPathsAgreeWithThePlainScan() {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("2026-09-30,C1,".utf8), Array("中".utf8), Array("é".utf8), Array("😀".utf8),
                                 [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xEF, 0xBF],
                                 [0xE4], [0xB8], [0xFF], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F], Array(repeating: 0x41, count: 40)]
        var rng = SplitMix(seed: 32)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            for final in [true, false] {
                bytes.withUnsafeBufferPointer { p in
                    #expect(Self.same(UTF8Scan.scan(p, final: final), Self.reference(p, final: final)), "\(bytes) final \(final)")
                }
            }
        }
    }
}
