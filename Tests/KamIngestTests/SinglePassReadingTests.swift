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
