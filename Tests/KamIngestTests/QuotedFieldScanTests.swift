import Foundation
import SeededRandom
import Testing
@testable import KamIngest

/// The streaming scanner undoes a quoted field's doubled quotes run by run (`CSVByteScanner.
/// undoubleQuotedFields`); it must read every record exactly as `CSVRecordReader`, the plain
/// RFC 4180 reader, does — doubled quotes, text after the closing quote, quotes inside an
/// unquoted field, empty quoted fields, separators and line breaks inside quotes, CJK text.
@Suite struct QuotedFieldScanTests {
    static func scanned(_ bytes: [UInt8]) -> [[String]]? {
        var scanner = CSVByteScanner(input: UTF8Chunks(source: MemoryByteSource(bytes), encoding: .utf8),
                                     separator: UInt8(ascii: ","), sizeHint: bytes.count)
        defer { scanner.close() }
        var records: [[String]] = []
        do {
            while try scanner.next() { records.append(scanner.withRecord { $0.strings }) }
        } catch { return nil }
        return records
    }

    static func read(_ bytes: [UInt8]) -> [[String]]? {
        var reader = CSVRecordReader(utf8: bytes, separator: UInt8(ascii: ","))
        var records: [[String]] = []
        do {
            while let record = try reader.next() { records.append(record.fields) }
        } catch { return nil }
        return records
    }

    @Test(arguments: [
        "a,\"b\",c\n", "\"甲,乙\",1\n", "\"a\"\"b\"c,d\n", "\"\",\"\"\"\"\n", "\"x\"\"\"\n", "\"a\"b\"c\",d\n",
        "\"多\n行\",2\r\n", "\"末尾\"\"\"", "a\"b,\"c\"\"\"\"d\"\n",
    ])
    func handWrittenRecordsReadAlike(_ text: String) throws {
        let bytes = Array(text.utf8)
        let expected = try #require(Self.read(bytes))
        #expect(Self.scanned(bytes) == expected)
    }

    @Test func randomQuoteHeavyRecordsReadAlike() {
        var rng = SplitMix64(seed: 0x5EED_0015)
        let pieces: [[UInt8]] = [Array("\"".utf8), Array("\"\"".utf8), Array(",".utf8), Array("\n".utf8), Array("\r\n".utf8),
                                 Array("a".utf8), Array("华东".utf8), Array("12.50".utf8), Array(" ".utf8)]
        var compared = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + Int(rng.next() % 40)) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            guard let expected = Self.read(bytes) else { continue }  // unterminated: both refuse (the fuzz tests cover refusals)
            #expect(Self.scanned(bytes) == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            compared += 1
        }
        #expect(compared > 1_000)
    }
}
